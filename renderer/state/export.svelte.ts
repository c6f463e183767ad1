/**
 * One export at a time: what to export, its progress, and what it wrote or why it failed.
 */
import type { BroadsheetApi, Unsubscribe } from '../../electron/shared/ipc-contract'
import type { ExportFormat, ExportProgress, ExportSelection, ExportSummary } from '../../electron/shared/workbench'
import { count, counted } from '../lib/format'

/** Where an export stands. */
export type ExportPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed'

/** The export dialog's state; the API comes in through the constructor. */
export class ExportState {
  #api: BroadsheetApi
  #phase = $state<ExportPhase>('idle')
  #progress = $state<ExportProgress | null>(null)
  #summary = $state<ExportSummary | null>(null)
  #error = $state<string | null>(null)

  constructor(api: BroadsheetApi) {
    this.#api = api
  }

  /** Where the current (or last) export stands. */
  get phase(): ExportPhase {
    return this.#phase
  }
  /** Articles written so far of the running export; null before the first report. */
  get progress(): ExportProgress | null {
    return this.#progress
  }
  /** What the last finished export wrote. */
  get summary(): ExportSummary | null {
    return this.#summary
  }
  /** A sentence for the live region: the result, the cancel or the failure's reason; null otherwise. */
  get message(): string | null {
    if (this.#phase === 'done' && this.#summary) {
      const s = this.#summary
      return `Exported ${counted(s.articles, 'article')}, ${counted(s.files, 'file')} to ${s.path}`
    }
    if (this.#phase === 'cancelled') return 'Export cancelled: no folder was chosen.'
    if (this.#phase === 'failed') return `Export failed: ${this.#error ?? 'unknown error'}`
    return null
  }
  /** The progress as words, e.g. "120 / 10,000 articles". */
  get progressText(): string {
    const p = this.#progress
    return p ? `${count(p.done)} / ${count(p.total)} articles` : 'Starting…'
  }

  /** Listens for the core's progress reports; returns the unsubscribe (call from a component effect). */
  connect(): Unsubscribe {
    return this.#api.evidence.onExportProgress((progress) => {
      if (this.#phase === 'running') this.#progress = progress
    })
  }

  /** Forgets the last result (a dialog opened afresh). */
  reset(): void {
    if (this.#phase === 'running') return
    this.#phase = 'idle'
    this.#progress = null
    this.#summary = null
    this.#error = null
  }

  /** Runs an export; main asks the user where to write. Refused while another runs. */
  async run(selection: ExportSelection, format: ExportFormat, zip: boolean): Promise<void> {
    if (this.#phase === 'running') return
    this.#phase = 'running'
    this.#progress = null
    this.#summary = null
    this.#error = null
    try {
      const result = await this.#api.evidence.export({ selection, format, zip })
      if (!result.ok) {
        this.#error = result.error.message
        this.#phase = 'failed'
      } else if (result.value === null) {
        this.#phase = 'cancelled'
      } else {
        this.#summary = result.value
        this.#phase = 'done'
      }
    } catch (error) {
      this.#error = error instanceof Error ? error.message : String(error)
      this.#phase = 'failed'
    }
  }
}
