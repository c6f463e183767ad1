import { describe, expect, it } from 'vitest'
import { collectDropped, IMPORTABLE } from '../../../renderer/lib/drop'
import { SUPPORTED_EXTENSIONS, type Extension } from '../../../electron/core/formats/types'

/** A fake file-system entry tree, shaped like what Chromium's webkitGetAsEntry() gives. */
function fileEntry(name: string): FileSystemFileEntry {
  return {
    name,
    isFile: true,
    isDirectory: false,
    file: (ok: (f: File) => void) => ok(new File([name], name)),
  } as unknown as FileSystemFileEntry
}

function dirEntry(name: string, children: FileSystemEntry[], batch = 2): FileSystemDirectoryEntry {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0
      // Answers in small batches, as readEntries does, then an empty batch.
      return {
        readEntries: (ok: (entries: FileSystemEntry[]) => void) => {
          ok(children.slice(at, at + batch))
          at += batch
        },
      }
    },
  } as unknown as FileSystemDirectoryEntry
}

function transfer(entries: FileSystemEntry[]): DataTransfer {
  return {
    items: entries.map((entry) => ({ kind: 'file', webkitGetAsEntry: () => entry, getAsFile: () => null })),
    files: [],
  } as unknown as DataTransfer
}

describe('collectDropped', () => {
  it('walks dropped folders and names each file by its path from the dropped folder', async () => {
    const tree = dirEntry('notes', [
      fileEntry('a.txt'),
      dirEntry('ru', [fileEntry('b.txt'), fileEntry('c.md'), fileEntry('d.json')]),
      fileEntry('e.html'),
    ])
    const files = await collectDropped(transfer([tree, fileEntry('loose.jsonl')]))
    expect(files.map((f) => f.relativePath)).toEqual([
      'notes/a.txt',
      'notes/ru/b.txt',
      'notes/ru/c.md',
      'notes/ru/d.json',
      'notes/e.html',
      'loose.jsonl',
    ])
    expect(files[0]!.file.name).toBe('a.txt')
  })

  it('falls back to the plain files when there are no entries', async () => {
    const file = new File(['x'], 'plain.txt')
    const data = {
      items: [{ kind: 'file', webkitGetAsEntry: () => null, getAsFile: () => file }],
      files: [file],
    } as unknown as DataTransfer
    expect(await collectDropped(data)).toEqual([{ file, relativePath: 'plain.txt' }])
  })
})

describe('IMPORTABLE', () => {
  // The words that stand for each format in the drop overlay and the empty library's text.
  const WORDS: Record<Extension, string> = {
    '.txt': 'text',
    '.html': 'web pages',
    '.htm': 'web pages',
    '.md': 'Markdown',
    '.markdown': 'Markdown',
    '.json': 'JSON',
    '.jsonl': 'JSONL',
    '.ndjson': 'JSONL',
    '.csv': 'CSV',
    '.tsv': 'CSV',
    '.warc': 'WARC',
    '.warc.gz': 'WARC',
    '.wacz': 'WACZ',
    '.pdf': 'PDF',
    '.epub': 'EPUB',
    '.mht': 'MHTML',
    '.mhtml': 'MHTML',
    '.mhtml.gz': 'MHTML',
    '.docx': 'press-database exports',
    '.xml': 'press-database exports',
    '.zip': 'read-later exports',
  }

  it.each(SUPPORTED_EXTENSIONS)('tells the user that %s files can be dropped', (ext) => {
    expect(IMPORTABLE).toContain(WORDS[ext])
  })
})
