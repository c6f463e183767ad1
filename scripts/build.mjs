// Builds everything the app runs: the renderer (Vite) and the main, preload and worker bundles (esbuild).
import { build as viteBuild } from 'vite'
import { build as esbuild } from 'esbuild'

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

// The worker threads, each beside the main bundle under its own name (core/worker-entry.ts looks for it there).
await esbuild({
  ...common,
  entryPoints: {
    'parse-worker': 'electron/core/library/parse-worker.ts',
    'index-worker': 'electron/core/search/index-worker.ts',
    'group-worker': 'electron/core/stories/group-worker.ts',
  },
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
