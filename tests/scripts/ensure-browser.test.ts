import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findChromium, MISSING_BROWSER } from '../../scripts/ensure-browser.mjs'

const script = path.resolve('scripts/ensure-browser.mjs')

describe('ensure-browser', () => {
  it('stops with the one line that says what to run when the named browser is missing', () => {
    const run = spawnSync(process.execPath, [script], {
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
      encoding: 'utf8',
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toBe(`${MISSING_BROWSER}\n`)
    expect(MISSING_BROWSER).toMatch(/apt-get install chromium.*playwright-core install chromium.*CHROMIUM_PATH/)
  })

  it('uses the browser CHROMIUM_PATH names, and nothing else when it names none', async () => {
    expect(await findChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath)
    expect(await findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toBeNull()
  })
})
