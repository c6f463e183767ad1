/**
 * `npm run web -- --library DIR [--port N]`: the browser harness from the command line.
 *
 * Its one line on stdout is the URL to open, this run's secret included; everything else goes to stderr.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_RENDERER_DIR, startWebHarness } from './harness'

/** Runs the harness until interrupted. */
async function main(): Promise<number> {
  let values: { library?: string; port?: string; renderer?: string; help?: boolean }
  try {
    ;({ values } = parseArgs({
      options: {
        library: { type: 'string' },
        port: { type: 'string' },
        renderer: { type: 'string' },
        help: { type: 'boolean' },
      },
    }))
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }
  if (values.help || !values.library) {
    process.stderr.write('Usage: npm run web -- --library DIR [--port N]\n')
    return values.help ? 0 : 2
  }
  const port = Number(values.port ?? '0')
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a port number (0 picks a free one), not "${values.port}"\n`)
    return 2
  }
  const rendererDir = path.resolve(values.renderer ?? DEFAULT_RENDERER_DIR)
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    process.stderr.write(`No built renderer in ${rendererDir}. Run \`npm run build\` first.\n`)
    return 1
  }
  const library = path.resolve(values.library)
  const harness = await startWebHarness({ library, port, rendererDir })
  process.stderr.write(`Broadsheet web harness for the library ${library}; open this URL (it holds this run's key):\n`)
  process.stdout.write(`${harness.url}\n`)
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await harness.close()
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  },
)
