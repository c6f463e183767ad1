/**
 * Shared pieces of the end-to-end suite: a fresh renderer build, Debian's Chromium, temp libraries.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { chromium, type BrowserContext } from 'playwright-core'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Where screenshots go; look at them after a run. */
export const SCREENSHOT_DIR = path.join(repoRoot, 'test-output/screenshots')

/** Debian's Chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Chromium flags: headless, no sandbox (containers), and nothing that talks to the network on its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/**
 * Builds the renderer into its own folder under test-output, so the suite never races `npm run build`.
 */
export async function buildRenderer(name: string): Promise<string> {
  const outDir = path.join(repoRoot, 'test-output', `renderer-${name}`)
  await build({
    configFile: path.join(repoRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  })
  return outDir
}

/** A Chromium with a fresh profile (`--user-data-dir`); `close` removes the profile too. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  })
  return {
    context,
    close: async () => {
      await context.close()
      await fs.rm(profile, { recursive: true, force: true })
    },
  }
}

/** Makes an empty temp library folder; the returned function removes it. */
export async function tempLibrary(): Promise<{ root: string; remove: () => Promise<void> }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-e2e-'))
  return { root, remove: () => fs.rm(root, { recursive: true, force: true }) }
}
