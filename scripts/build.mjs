// Builds everything the app runs: the renderer (Vite) and the main, preload and worker bundles (esbuild).
import { build as viteBuild } from 'vite'
import { build as esbuild } from 'esbuild'
import { existsSync } from 'node:fs'

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron'],
}

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' })

await esbuild({
  ...common,
  entryPoints: { index: 'electron/main/index.ts' },
  outdir: 'dist/main',
  format: 'esm',
  // Bundled CommonJS dependencies still call require(); give ESM output one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
})

// Worker entries are optional until the search index adds them.
const workers = ['electron/core/search/index-worker.ts', 'electron/core/stories/group-worker.ts'].filter((p) =>
  existsSync(p),
)
if (workers.length > 0) {
  await esbuild({
    ...common,
    entryPoints: workers,
    outdir: 'dist/main',
    format: 'esm',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  })
}

// The library's parse worker, beside the main bundle (electron/core/library/parse-pool.ts looks for it there).
await esbuild({
  ...common,
  entryPoints: { 'parse-worker': 'electron/core/library/parse-worker.ts' },
  outdir: 'dist/main',
  format: 'esm',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
})

// A sandboxed preload must be a single CommonJS file.
await esbuild({
  ...common,
  entryPoints: { index: 'electron/preload/index.ts' },
  outdir: 'dist/preload',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  platform: 'browser',
})

// The command line (dist/cli), also built by `npm install` (the prepare script).
await import('./build-cli.mjs')
