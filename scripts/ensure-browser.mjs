// Finds the Chromium the end-to-end suite drives, installs one when it can, or stops with one line saying what to
// run. `npm test` runs it first, so a fresh machine learns what is missing in the first seconds, not after the build.
//
// Order: $CHROMIUM_PATH, Debian's /usr/bin/chromium (and chromium-browser), playwright's own download; else install
// Debian's package (as root with apt-get) or playwright's Chromium (needs the internet).
import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

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

/** Installs Debian's package when running as root with apt-get; true when it worked. Offline, it fails in seconds. */
function installDebianChromium() {
  if (process.getuid?.() !== 0 || spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return false
  process.stderr.write('No Chromium found; installing Debian’s chromium package for the end-to-end tests…\n')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const options = { stdio: ['ignore', 'ignore', 'inherit'], env, timeout: 600_000 }
  const apt = (...args) =>
    spawnSync('apt-get', ['-o', 'Acquire::http::Timeout=10', '-o', 'Acquire::Retries=0', '-qq', ...args], options)
  // The package lists may be there already; fetch them only when the install cannot go ahead without.
  if (apt('install', '-y', 'chromium').status === 0) return true
  return apt('update').status === 0 && apt('install', '-y', 'chromium').status === 0
}

/** Downloads playwright's own Chromium (not root, or no apt-get); true when it worked. */
function installPlaywrightChromium() {
  const cli = fileURLToPath(new URL('../node_modules/playwright-core/cli.js', import.meta.url))
  if (!existsSync(cli)) return false
  process.stderr.write('No Chromium found; downloading playwright’s Chromium for the end-to-end tests…\n')
  const env = { ...process.env, PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: '10000' }
  return (
    spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'inherit', env, timeout: 600_000 }).status === 0
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let found = await findChromium()
  if (!found && !process.env.CHROMIUM_PATH && (installDebianChromium() || installPlaywrightChromium())) {
    found = await findChromium()
  }
  if (!found) {
    process.stderr.write(`${MISSING_BROWSER}\n`)
    process.exit(1)
  }
}
