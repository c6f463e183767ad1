import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const bundle = path.resolve('dist/main/index.js')
const register = path.resolve('tests/main/electron-stand-in/register.mjs')

let dir = ''
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

/** Waits until `check` holds, up to `ms`. */
async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (check()) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return check()
}

describe('the bundled main process', () => {
  it('boots on a first run: seeds the default library, opens it and builds its search index', async () => {
    expect(fs.existsSync(bundle), `${bundle} is missing: run npm run build first`).toBe(true)
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-boot-'))
    const child = spawn(process.execPath, ['--import', register, bundle], {
      env: { ...process.env, BROADSHEET_STAND_IN_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    let exited: number | null = null
    child.on('exit', (code) => (exited = code ?? -1))

    const library = path.join(dir, 'documents', 'Broadsheet Library')
    const manifest = path.join(library, '.broadsheet', 'search', 'manifest.json')
    try {
      const ready = await until(() => fs.existsSync(manifest) || exited !== null, 15_000)
      expect(exited, `the main process exited early:\n${output}`).toBeNull()
      expect(ready, `no search index after 15 s:\n${output}`).toBe(true)
    } finally {
      child.kill()
    }
    const samples = fs.readdirSync(path.resolve('resources/sample-library'), { recursive: true })
    for (const sample of samples) expect(fs.existsSync(path.join(library, String(sample)))).toBe(true)
    expect(fs.existsSync(path.join(dir, 'userData', 'settings.json'))).toBe(true)
    expect(output).not.toMatch(/error/i)
  })
})

describe('the bundled preload', () => {
  it('requires nothing but electron, as a sandboxed preload must', () => {
    const preload = fs.readFileSync(path.resolve('dist/preload/index.cjs'), 'utf8')
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
    expect(required.length).toBeGreaterThan(0)
    expect(new Set(required)).toEqual(new Set(['electron']))
  })
})

describe('the built page', () => {
  it('carries exactly the Content-Security-Policy main sends, from the one constant', async () => {
    const { CONTENT_SECURITY_POLICY } = await import('../../electron/shared/csp')
    const page = fs.readFileSync(path.resolve('dist/renderer/index.html'), 'utf8')
    const metas = [...page.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)]
    expect(metas.map((m) => m[1]!.replaceAll('&#39;', "'").replaceAll('&apos;', "'"))).toEqual([
      CONTENT_SECURITY_POLICY,
    ])
    // The source page holds no copy that could drift.
    expect(fs.readFileSync(path.resolve('renderer/index.html'), 'utf8')).not.toMatch(/Content-Security-Policy/i)
  })
})
