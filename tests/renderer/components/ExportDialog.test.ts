import { describe, expect, it, vi } from 'vitest'
import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import ExportDialog from '../../../renderer/components/ExportDialog.svelte'
import { ExportState } from '../../../renderer/state/export.svelte'
import { ok } from '../../../electron/shared/result'
import type { ExportSummary } from '../../../electron/shared/workbench'
import { fakeApi } from '../fake-api'

/** A promise the test settles by hand, to look at the dialog while the export runs. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('ExportDialog', () => {
  it('exports the selection in the chosen format, shows progress, then what was written', async () => {
    const fake = fakeApi()
    const answer = deferred<ReturnType<typeof ok<ExportSummary | null>>>()
    fake.api.evidence.export = vi.fn(() => answer.promise)
    const selection = { kind: 'search' as const, request: { query: 'flood' } }
    render(ExportDialog, { exports: new ExportState(fake.api), selection, subject: '3 results', onclose: vi.fn() })
    const user = userEvent.setup()

    expect(screen.getByRole('dialog', { name: 'Export' })).toHaveFocus()
    await user.click(screen.getByRole('radio', { name: /CSV/ }))
    await user.click(screen.getByRole('checkbox', { name: 'Also as ZIP' }))
    await user.click(screen.getByRole('button', { name: 'Export' }))
    expect(fake.api.evidence.export).toHaveBeenCalledWith({ selection, format: 'csv', zip: true })

    fake.emit('export:progress', { done: 40, total: 100 })
    const bar = await screen.findByRole('progressbar', { name: 'Export progress' })
    await vi.waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '40'))
    expect(bar).toHaveAttribute('aria-valuemax', '100')
    expect(screen.getByText('40 / 100 articles')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Export' })).toHaveAttribute('aria-disabled', 'true')
    await user.click(screen.getByRole('button', { name: 'Export' }))
    expect(fake.api.evidence.export).toHaveBeenCalledOnce()

    answer.resolve(ok({ path: '/out/export-1', articles: 3, files: 9, bytes: 1200 }))
    expect(await screen.findByRole('status')).toHaveTextContent('Exported 3 articles, 9 files to /out/export-1')
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument()
  })

  it('exports an evidence bundle by default and says why an export failed', async () => {
    const fake = fakeApi()
    fake.api.evidence.export = vi.fn(async () => ({
      ok: false as const,
      error: { code: 'internal' as const, message: 'The folder is not empty' },
    }))
    const selection = { kind: 'ids' as const, ids: ['a1'] }
    render(ExportDialog, { exports: new ExportState(fake.api), selection, subject: 'this article', onclose: vi.fn() })
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export' }))
    expect(fake.api.evidence.export).toHaveBeenCalledWith({ selection, format: 'evidence', zip: false })
    await vi.waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Export failed: The folder is not empty'),
    )
  })

  it('says so when the folder picker was cancelled', async () => {
    const fake = fakeApi()
    render(ExportDialog, {
      exports: new ExportState(fake.api),
      selection: { kind: 'ids', ids: ['a1'] },
      subject: 'this article',
      onclose: vi.fn(),
    })
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export' }))
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Export cancelled'))
  })

  it('keeps Tab and the app shortcuts inside the dialog, closes on Escape and gives focus back to the opener', async () => {
    const fake = fakeApi()
    const opener = document.createElement('button')
    opener.textContent = 'Export…'
    document.body.append(opener)
    opener.focus()
    const onclose = vi.fn()
    const { unmount } = render(ExportDialog, {
      exports: new ExportState(fake.api),
      selection: { kind: 'ids', ids: ['a1'] },
      subject: 'this article',
      onclose,
    })
    const user = userEvent.setup()
    const close = screen.getByRole('button', { name: 'Close' })
    const exportButton = screen.getByRole('button', { name: 'Export' })
    exportButton.focus()
    await user.tab()
    expect(close).toHaveFocus()
    await user.tab({ shift: true })
    expect(exportButton).toHaveFocus()

    const behind = vi.fn()
    window.addEventListener('keydown', behind)
    await user.keyboard('j')
    window.removeEventListener('keydown', behind)
    expect(behind).not.toHaveBeenCalled()

    await user.keyboard('{Escape}')
    expect(onclose).toHaveBeenCalledOnce()
    unmount()
    expect(opener).toHaveFocus()
    opener.remove()
  })
})
