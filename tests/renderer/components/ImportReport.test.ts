import { describe, expect, it, vi } from 'vitest'
import { render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import ImportReport from '../../../renderer/components/ImportReport.svelte'
import type { ImportResult } from '../../../electron/shared/models'

const results: ImportResult[] = [
  { file: 'port.txt', status: 'imported', articles: ['p1'], warnings: [] },
  { file: 'digest.jsonl', status: 'imported', articles: ['d1', 'd2', 'd3'], warnings: ['line 4 has no title'] },
  { file: 'again.txt', status: 'duplicate', articles: [], duplicateOf: 'id-7f3a', warnings: [] },
  {
    file: 'broken.json',
    status: 'failed',
    articles: [],
    error: 'Not valid JSON: unexpected end at line 3',
    warnings: [],
  },
]

describe('ImportReport', () => {
  it('is a dialog named "Import report" with a summary', () => {
    render(ImportReport, { results, onclose: () => {} })
    const dialog = screen.getByRole('dialog', { name: 'Import report' })
    expect(dialog).toHaveTextContent('2 imported (4 articles), 1 duplicate, 1 failed')
  })

  it('lists the failed files with their reasons', () => {
    render(ImportReport, { results, onclose: () => {} })
    const failed = screen.getByRole('region', { name: 'Failed files' })
    expect(failed).toHaveTextContent('broken.json: Not valid JSON: unexpected end at line 3')
  })

  it('lists duplicates and imported files', () => {
    render(ImportReport, { results, onclose: () => {} })
    expect(screen.getByRole('region', { name: 'Duplicate files' })).toHaveTextContent(
      'again.txt: already in the library',
    )
    const imported = screen.getByRole('region', { name: 'Imported files' })
    expect(within(imported).getByText('digest.jsonl')).toBeInTheDocument()
    expect(imported).toHaveTextContent('3 articles')
    expect(imported).toHaveTextContent('line 4 has no title')
  })

  it('closes with its button', async () => {
    const onclose = vi.fn()
    render(ImportReport, { results, onclose })
    await userEvent.setup().click(screen.getByRole('button', { name: 'Close' }))
    expect(onclose).toHaveBeenCalled()
  })
})

describe('ImportReport duplicates', () => {
  it('names the article already in the library by its title, never its id, and opens it', async () => {
    const onopen = vi.fn()
    render(ImportReport, {
      results,
      onclose: () => {},
      titleOf: (id: string) => (id === 'id-7f3a' ? 'Harbour board approves the quayside' : undefined),
      onopen,
    })
    const duplicates = screen.getByRole('region', { name: 'Duplicate files' })
    expect(duplicates).toHaveTextContent('again.txt: already in the library as “Harbour board approves the quayside”')
    expect(duplicates).not.toHaveTextContent('id-7f3a')
    await userEvent.setup().click(within(duplicates).getByRole('link', { name: 'Harbour board approves the quayside' }))
    expect(onopen).toHaveBeenCalledWith('id-7f3a')
  })

  it('shows what a duplicate read-later export did: its links applied again', () => {
    const again: ImportResult = {
      file: 'pocket.csv',
      status: 'duplicate',
      articles: [],
      warnings: [
        'already in the library as pocket.csv: its links are applied again',
        '1 link matched articles; 0 link only, no text',
      ],
    }
    render(ImportReport, { results: [again], onclose: () => {} })
    const duplicates = screen.getByRole('region', { name: 'Duplicate files' })
    expect(duplicates).toHaveTextContent(
      'pocket.csv: already in the library — already in the library as pocket.csv: its links are applied again — 1 link matched articles; 0 link only, no text',
    )
  })

  it('writes counts with separators', () => {
    const many: ImportResult[] = Array.from({ length: 1500 }, (_, i) => ({
      file: `f${i}.txt`,
      status: 'imported' as const,
      articles: [`a${i}`],
      warnings: [],
    }))
    render(ImportReport, { results: many, onclose: () => {} })
    expect(screen.getByRole('dialog')).toHaveTextContent('1,500 imported (1,500 articles)')
  })
})

describe('ImportReport with a very large import', () => {
  it('lists the first files of each section and the rest on request', async () => {
    const many: ImportResult[] = Array.from({ length: 1200 }, (_, i) => ({
      file: `f${i}.txt`,
      status: 'failed' as const,
      articles: [],
      error: `reason ${i}`,
      warnings: [],
    }))
    render(ImportReport, { results: many, onclose: () => {} })
    const failed = screen.getByRole('region', { name: 'Failed files' })
    expect(within(failed).getAllByRole('listitem')).toHaveLength(500)
    expect(screen.getByRole('dialog', { name: 'Import report' })).toHaveTextContent('1,200 failed')
    await userEvent.setup().click(within(failed).getByRole('button', { name: 'Show all 1,200' }))
    expect(within(failed).getAllByRole('listitem')).toHaveLength(1200)
    expect(failed).toHaveTextContent('f1199.txt: reason 1199')
  })
})
