import fs from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCaptured, writeSearchLibrary } from '../../helpers/run-cli'
import { makeTempDir, type TempDir } from '../../helpers/temp-library'

let lib: TempDir
let out: TempDir

beforeEach(async () => {
  lib = makeTempDir()
  out = makeTempDir('broadsheet-out-')
  writeSearchLibrary(lib)
  const run = await runCliCaptured(['--library', lib.root, 'export', '--query', 'river', '--to', out.path('b')])
  expect(run.status).toBe(0)
})
afterEach(() => {
  lib.remove()
  out.remove()
})

describe('verify command', () => {
  it('exits 0 and says so when every file matches', async () => {
    const run = await runCliCaptured(['verify', out.path('b')])
    expect(run.status).toBe(0)
    expect(run.stdout).toBe('OK: all 7 files match the manifest\n')
  })

  it('exits 1 and lists a file edited after the export', async () => {
    const file = out.path('b/originals/harbour/port.txt')
    const bytes = fs.readFileSync(file)
    bytes[0] = bytes[0]! ^ 0x20
    fs.writeFileSync(file, bytes)
    const run = await runCliCaptured(['verify', out.path('b'), '--json'])
    expect(run.status).toBe(1)
    const report = JSON.parse(run.stdout)
    expect(report).toMatchObject({ ok: false, differ: ['originals/harbour/port.txt'], missing: [], extra: [] })
    const text = await runCliCaptured(['verify', out.path('b')])
    expect(text.stdout).toContain('DIFFERS  originals/harbour/port.txt\nFAILED: 6 match, 1 differ, 0 missing')
  })

  it('gives a clear error when there is no manifest', async () => {
    fs.rmSync(out.path('b/MANIFEST.sha256'))
    const run = await runCliCaptured(['verify', out.path('b')])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('has no MANIFEST.sha256: it is not a Broadsheet export')
  })
})
