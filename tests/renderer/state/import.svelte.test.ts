import { describe, expect, it, vi } from 'vitest'
import { IMPORT_BATCH, ImportState } from '../../../renderer/state/import.svelte'
import { fakeApi } from '../fake-api'
import { ok } from '../../../electron/shared/result'

describe('ImportState', () => {
  it('imports dropped files and keeps the report until dismissed', async () => {
    const fake = fakeApi()
    vi.mocked(fake.api.imports.dropped).mockResolvedValue(
      ok([{ file: 'a.txt', status: 'imported', articles: ['a'], warnings: [] }]),
    )
    const imports = new ImportState(fake.api)
    const file = new File(['Title\n\nBody'], 'a.txt')
    await imports.dropped([{ file, relativePath: 'a.txt' }])
    expect(fake.api.imports.dropped).toHaveBeenCalledWith([{ file, relativePath: 'a.txt' }])
    expect(imports.report).toHaveLength(1)
    imports.dismiss()
    expect(imports.report).toBeNull()
  })

  it('shows no report when the dialog is cancelled', async () => {
    const imports = new ImportState(fakeApi().api)
    await imports.dialog()
    expect(imports.report).toBeNull()
    expect(imports.busy).toBe(false)
  })

  it('follows progress while an import runs', () => {
    const fake = fakeApi()
    const imports = new ImportState(fake.api)
    const stop = imports.connect()
    fake.emit('import:progress', { done: 3, total: 10, current: 'c.txt' })
    expect(imports.progress).toEqual({ done: 3, total: 10, current: 'c.txt' })
    fake.emit('import:progress', { done: 10, total: 10, current: null })
    expect(imports.progress).toBeNull()
    stop()
  })

  it('keeps a failure that stopped the whole import', async () => {
    const fake = fakeApi()
    vi.mocked(fake.api.imports.dialog).mockResolvedValue({
      ok: false,
      error: { code: 'no-library', message: 'No library is open.' },
    })
    const imports = new ImportState(fake.api)
    await imports.dialog()
    expect(imports.error?.message).toBe('No library is open.')
  })
})

describe('ImportState batches', () => {
  it('imports a large drop in batches and reports every file once', async () => {
    const fake = fakeApi()
    vi.mocked(fake.api.imports.dropped).mockImplementation(async (files) =>
      ok(
        files.map((f) => ({
          file: f.relativePath,
          status: 'imported' as const,
          articles: [f.relativePath],
          warnings: [],
        })),
      ),
    )
    const imports = new ImportState(fake.api)
    const files = Array.from({ length: IMPORT_BATCH * 2 + 5 }, (_, i) => ({
      file: new File(['x'], `f${i}.txt`),
      relativePath: `dir/f${i}.txt`,
    }))
    await imports.dropped(files)
    expect(fake.api.imports.dropped).toHaveBeenCalledTimes(3)
    expect(imports.report?.map((r) => r.file)).toEqual(files.map((f) => f.relativePath))
  })
})
