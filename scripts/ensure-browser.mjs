// Finds the Chromium the end-to-end suite drives, installs one when it can, or stops with one line saying what to
// run. `npm test` runs it first, so a fresh machine learns what is missing in the first seconds, not after the build.
//
// Order: $CHROMIUM_PATH, Debian's /usr/bin/chromium (and chromium-browser), playwright's own download; else, as
// root with apt-get, Debian's package.
import { spawnSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { pathToFileURL } from 'node:url'

const DEBIAN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

/** What to run when no browser can be found or installed: the one line the user sees. */
export const MISSING_BROWSER =
  'No Chromium for the end-to-end tests: run `sudo apt-get install chromium` or `npx playwright-core install chromium`, or set CHROMIUM_PATH to a Chromium binary.'

function executable(file) {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

async function playwrightChromium() {
  try {
    const { chromium } = await import('playwright-core')
    return chromium.executablePath()
  } catch {
    return null
  }
}

/** The first Chromium found, or null. A CHROMIUM_PATH that is set must point at one (else null, never a guess). */
export async function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null
  for (const file of DEBIAN_PATHS) if (executable(file)) return file
  const downloaded = await playwrightChromium()
  return downloaded && executable(downloaded) ? downloaded : null
}

/** Installs Debian's package when running as root with apt-get; true when it worked. */
function installDebianChromium() {
  if (process.getuid?.() !== 0 || spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return false
  process.stderr.write('No Chromium found; installing Debian’s chromium package for the end-to-end tests…\n')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const options = { stdio: ['ignore', 'ignore', 'inherit'], env, timeout: 600_000 }
  if (spawnSync('apt-get', ['update', '-qq'], options).status !== 0) return false
  return spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], options).status === 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let found = await findChromium()
  if (!found && !process.env.CHROMIUM_PATH && installDebianChromium()) found = await findChromium()
  if (!found) {
    process.stderr.write(`${MISSING_BROWSER}\n`)
    process.exit(1)
  }
}
