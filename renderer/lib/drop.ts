/**
 * Turns a drop event's items into files with their paths relative to the dropped folders.
 */
import type { DroppedFile } from '../../electron/shared/ipc-contract'

/** What can be imported, in words (the formats table in README.md lists each one). */
export const IMPORTABLE =
  'text, Markdown and saved web pages (complete, SingleFile, MHTML), web archives (WARC, WACZ), PDF and EPUB, ' +
  'JSON, JSONL and CSV datasets, press-database exports and read-later exports'

/** True when a drag carries files (not text or a link from the page). */
export function dragHasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files')
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject))
}

async function readAll(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader()
  const out: FileSystemEntry[] = []
  // readEntries answers in batches; an empty batch means the end.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
    if (batch.length === 0) return out
    out.push(...batch)
  }
}

async function walk(entry: FileSystemEntry, prefix: string, out: DroppedFile[]): Promise<void> {
  const relativePath = prefix + entry.name
  if (entry.isFile) {
    out.push({ file: await fileOf(entry as FileSystemFileEntry), relativePath })
  } else if (entry.isDirectory) {
    for (const child of await readAll(entry as FileSystemDirectoryEntry)) await walk(child, relativePath + '/', out)
  }
}

/**
 * Collects the dropped files, walking dropped folders recursively.
 *
 * Must be called inside the drop handler: the entries are only readable during the event.
 */
export function collectDropped(data: DataTransfer): Promise<DroppedFile[]> {
  const entries = Array.from(data.items ?? [])
    .filter((item) => item.kind === 'file')
    .map((item) => ({ entry: item.webkitGetAsEntry?.() ?? null, file: item.getAsFile() }))
  return (async () => {
    const out: DroppedFile[] = []
    for (const { entry, file } of entries) {
      if (entry) await walk(entry, '', out)
      else if (file) out.push({ file, relativePath: file.name })
    }
    // Some sources give files but no items.
    if (entries.length === 0) for (const file of Array.from(data.files)) out.push({ file, relativePath: file.name })
    return out
  })()
}
