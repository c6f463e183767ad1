// Builds the command line to JavaScript (dist/cli), the `broadsheet` command of package.json's `bin`.
// Run by `npm install` (the `prepare` script) and by scripts/build.mjs. The worker entries go beside it,
// where the core looks for them (parse-pool.ts, builder-pool.ts, stories/grouping.ts).
import { build } from 'esbuild'
import { chmod, rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outdir = path.join(root, 'dist/cli')
// Bundled CommonJS dependencies still call require(); give ESM output one.
const requireShim = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);"

// Chunk names carry content hashes: without emptying the folder every build leaves the last one's chunks behind.
await rm(outdir, { recursive: true, force: true })
await build({
  absWorkingDir: root,
  entryPoints: {
    broadsheet: 'electron/cli/index.ts',
    'parse-worker': 'electron/core/library/parse-worker.ts',
    'index-worker': 'electron/core/search/index-worker.ts',
    'group-worker': 'electron/core/stories/group-worker.ts',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  external: ['electron'],
  banner: { js: `#!/usr/bin/env node\n${requireShim}` },
})
await chmod(path.join(outdir, 'broadsheet.js'), 0o755)
