/**
 * Shared pieces of the end-to-end suite: a fresh renderer build, a Chromium, temp libraries, the harness process.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { findChromium, MISSING_BROWSER } from '../../scripts/ensure-browser.mjs'
import { startWebHarness, type WebHarness } from '../../electron/web/harness'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Where screenshots go; look at them after a run. */
export const SCREENSHOT_DIR = path.join(repoRoot, 'test-output/screenshots')

/** The Chromium named by CHROMIUM_PATH, else Debian's (launchChromium also finds playwright's own download). */
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
  const executablePath = await findChromium()
  if (!executablePath) throw new Error(MISSING_BROWSER)
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
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

/** A harness started the way a user starts it (`npm run web`), known only by the URL it printed. */
export interface HarnessProcess {
  /** The URL the harness printed on stdout, its secret included. */
  url: string
  /** Stops the harness and waits for it to exit. */
  close: () => Promise<void>
}

/**
 * Starts `electron/web/server.ts` as its own process over `library` and `rendererDir`, and resolves with the one
 * URL it prints (the secret included), as `npm run web` users and tests open it.
 */
export async function startHarnessProcess(library: string, rendererDir: string): Promise<HarnessProcess> {
  const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx')
  const child = spawn(tsx, ['electron/web/server.ts', '--library', library, '--renderer', rendererDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let errors = ''
  child.stderr.on('data', (chunk) => (errors += chunk))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
      const line = out.split('\n')
      if (line.length > 1) resolve(line[0]!.trim())
    })
    child.once('exit', (code) => reject(new Error(`the harness exited (${code}) before printing its URL:\n${errors}`)))
  })
  return {
    url,
    close: async () => {
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** One axe-core finding, as much of it as a failing test needs to say. */
interface AxeFinding {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

let axeSource: string | undefined

/**
 * Runs axe-core on the page as it is now (or on the part `selector` names) and fails on any critical, serious or
 * moderate violation, naming each rule and where it fired. The script goes in through the DevTools protocol, so the
 * app's CSP needs no exception.
 */
export async function expectNoAxeViolations(page: Page, selector?: string): Promise<void> {
  axeSource ??= await fs.readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const findings = await page.evaluate(async (include) => {
    type Context = Document | { include: string[] }
    const axe = (window as unknown as { axe: { run: (context: Context) => Promise<AxeResults> } }).axe
    interface AxeResults {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[]
    }
    const results = await axe.run(include ? { include: [include] } : document)
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }))
  }, selector)
  const blocking = findings.filter((f: AxeFinding) => f.impact !== 'minor')
  if (blocking.length > 0) {
    const lines = blocking.map((f: AxeFinding) => `${f.impact} ${f.id}: ${f.help} at ${f.targets.join(', ')}`)
    throw new Error(`axe-core found ${blocking.length} violation(s):\n${lines.join('\n')}`)
  }
}

/** One suite's reading room: a fresh library, the harness over it and a Chromium page open on it. */
export interface ReadingRoom {
  root: string
  harness: WebHarness
  page: Page
  /** Every request the page made that left 127.0.0.1 (data: and blob: aside); a test expects none. */
  foreignRequests: string[]
  /** Where the harness writes exports (`export-1`, `export-2`, …), removed on close. */
  exportsDir: string
  close(): Promise<void>
}

/** Options for `openReadingRoom`. */
export interface ReadingRoomOptions {
  /** Writes the library's files before the harness opens it. */
  seed?: (root: string) => Promise<void>
  /** The window size to open at (default Playwright's). */
  viewport?: { width: number; height: number }
}

/** Builds the renderer, makes and seeds a temp library, starts the harness and opens a page on it. */
export async function openReadingRoom(name: string, options: ReadingRoomOptions = {}): Promise<ReadingRoom> {
  await fs.mkdir(SCREENSHOT_DIR, { recursive: true })
  const rendererDir = await buildRenderer(name)
  const library = await tempLibrary()
  await options.seed?.(library.root)
  const exportsDir = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-e2e-exports-'))
  const harness = await startWebHarness({ library: library.root, port: 0, rendererDir, exportsDir })
  const browser = await launchChromium()
  const page = await browser.context.newPage()
  const foreignRequests: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') foreignRequests.push(url.href)
  })
  if (options.viewport) await page.setViewportSize(options.viewport)
  await page.goto(harness.url)
  return {
    root: library.root,
    harness,
    page,
    foreignRequests,
    exportsDir,
    async close() {
      await browser.close()
      await harness.close()
      await library.remove()
      await fs.rm(exportsDir, { recursive: true, force: true })
    },
  }
}
