import fs from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import yazl from 'yazl'
import { manifestLine } from '../../../electron/core/workbench/export/manifest'
import { verifyExport } from '../../../electron/core/workbench/verify'
import { createHash } from 'node:crypto'
import { makeTempDir, type TempDir } from '../../helpers/temp-library'

let dir: TempDir

const sha = (text: string) => createHash('sha256').update(text).digest('hex')
const FILES: Record<string, string> = {
  'articles.jsonl': '{"id":"a"}\n',
  'originals/ru/мост.txt': 'Мост открыт\n',
  'originals/a b/port.txt': 'River port\n',
}

function writeExport(root: TempDir, prefix = 'x/'): void {
  for (const [rel, text] of Object.entries(FILES)) root.write(prefix + rel, text)
  const manifest = Object.entries(FILES)
    .map(([rel, text]) => manifestLine(sha(text), rel))
    .join('')
  root.write(prefix + 'MANIFEST.sha256', manifest)
}

async function zipOf(folder: string, target: string): Promise<void> {
  const zip = new yazl.ZipFile()
  for (const rel of [...Object.keys(FILES), 'MANIFEST.sha256']) zip.addFile(`${folder}/${rel}`, rel)
  zip.end()
  await new Promise<void>((resolve) => zip.outputStream.pipe(fs.createWriteStream(target)).on('close', () => resolve()))
}

beforeEach(() => {
  dir = makeTempDir()
  writeExport(dir)
})
afterEach(() => dir.remove())

describe('verifyExport', () => {
  it('says every file matches in an untouched folder', async () => {
    const report = await verifyExport(dir.path('x'))
    expect(report).toEqual({
      ok: true,
      value: { ok: true, matched: Object.keys(FILES), differ: [], missing: [], extra: [] },
    })
  })

  it('catches a single flipped byte, a missing file and an extra one', async () => {
    const file = dir.path('x/originals/ru/мост.txt')
    const bytes = fs.readFileSync(file)
    bytes[3] = bytes[3]! ^ 0x01
    fs.writeFileSync(file, bytes)
    fs.rmSync(dir.path('x/articles.jsonl'))
    dir.write('x/originals/added.txt', 'slipped in')
    const report = await verifyExport(dir.path('x'))
    expect(report).toEqual({
      ok: true,
      value: {
        ok: false,
        matched: ['originals/a b/port.txt'],
        differ: ['originals/ru/мост.txt'],
        missing: ['articles.jsonl'],
        extra: ['originals/added.txt'],
      },
    })
  })

  it('verifies a ZIP and catches a changed entry', async () => {
    await zipOf(dir.path('x'), dir.path('good.zip'))
    const good = await verifyExport(dir.path('good.zip'))
    expect(good.ok && good.value.ok).toBe(true)
    fs.writeFileSync(dir.path('x/articles.jsonl'), '{"id":"b"}\n')
    await zipOf(dir.path('x'), dir.path('bad.zip'))
    const bad = await verifyExport(dir.path('bad.zip'))
    expect(bad.ok && bad.value.differ).toEqual(['articles.jsonl'])
  })

  it('gives a clear error for a missing or garbled manifest', async () => {
    fs.rmSync(dir.path('x/MANIFEST.sha256'))
    const missing = await verifyExport(dir.path('x'))
    expect(missing.ok ? null : missing.error.message).toBe(
      `${dir.path('x')} has no MANIFEST.sha256: it is not a Broadsheet export`,
    )
    dir.write('x/MANIFEST.sha256', `${sha('a')}  articles.jsonl\nnot a line\n`)
    const garbled = await verifyExport(dir.path('x'))
    expect(garbled.ok ? null : garbled.error.message).toBe(
      `${dir.path('x/MANIFEST.sha256')} is not a manifest this tool can read: line 2 is not "<sha256>  <path>"`,
    )
    dir.write('x/MANIFEST.sha256', `${sha('a')}  ../etc/passwd\n`)
    const escaping = await verifyExport(dir.path('x'))
    expect(escaping.ok ? null : escaping.error.message).toMatch(/line 1 names a path outside the export/)
  })

  it('says a file that is neither a folder nor a ZIP is not readable', async () => {
    dir.write('plain.txt', 'hello')
    const result = await verifyExport(dir.path('plain.txt'))
    expect(result.ok ? null : result.error.message).toMatch(/plain\.txt is not a readable ZIP/)
  })
})
