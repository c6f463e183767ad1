/**
 * Import: dropped files and the Import… dialog, the progress of a running import and its report.
 */
import type { BroadsheetApi, DroppedFile, Unsubscribe } from '../../electron/shared/ipc-contract'
import type { ImportProgress, ImportResult } from '../../electron/shared/models'
import type { Failure } from '../../electron/shared/result'

/** Files per import request: keeps each request (bytes, in a plain browser) and the contract's limit in bounds. */
export const IMPORT_BATCH = 2000

/** The import area's state; the API comes in through the constructor. */
export class ImportState {
  #api: BroadsheetApi
  #busy = $state(false)
  #progress = $state.raw<ImportProgress | null>(null)
  #report = $state.raw<ImportResult[] | null>(null)
  #error = $state.raw<Failure | null>(null)

  constructor(api: BroadsheetApi) {
    this.#api = api
  }

  /** True while an import runs. */
  get busy(): boolean {
    return this.#busy
  }
  /** The running import's progress, or null. */
  get progress(): ImportProgress | null {
    return this.#progress
  }
  /** The last import's per-file results, until dismissed. */
  get report(): ImportResult[] | null {
    return this.#report
  }
  /** Why the last import could not run at all (not a per-file failure). */
  get error(): Failure | null {
    return this.#error
  }

  /** Imports files dropped onto the window, in batches; one report covers them all. */
  async dropped(files: DroppedFile[]): Promise<void> {
    if (files.length === 0) return
    await this.#run(async () => {
      const results: ImportResult[] = []
      for (let start = 0; start < files.length; start += IMPORT_BATCH) {
        const answer = await this.#api.imports.dropped(files.slice(start, start + IMPORT_BATCH))
        // A batch that could not run at all stops the rest; what was imported so far stays in the report.
        if (!answer.ok) return results.length > 0 ? { ok: true as const, value: results } : answer
        results.push(...answer.value)
      }
      return { ok: true as const, value: results }
    })
  }

  /** Shows the system file dialog and imports what the user picks. */
  async dialog(): Promise<void> {
    await this.#run(() => this.#api.imports.dialog())
  }

  /** Closes the report. */
  dismiss(): void {
    this.#report = null
    this.#error = null
  }

  /** Follows import progress; returns the unsubscribe. */
  connect(): Unsubscribe {
    return this.#api.imports.onProgress((progress) => {
      this.#progress = progress.current === null && progress.done >= progress.total ? null : progress
    })
  }

  async #run(start: () => ReturnType<BroadsheetApi['imports']['dialog']>): Promise<void> {
    this.#busy = true
    this.#error = null
    try {
      const result = await start()
      if (!result.ok) this.#error = result.error
      else if (result.value !== null) this.#report = result.value
    } finally {
      this.#busy = false
      this.#progress = null
    }
  }
}
