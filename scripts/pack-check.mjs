// Proves the package layout without the real Electron binary (which cannot be downloaded here):
// runs electron-builder's `dir` target with electron-builder.yml against a stand-in Electron distribution in a
// temp folder, then opens the app.asar it produced and checks that main, preload, renderer and the sample
// library are inside and nothing else (no tests, no sources, no .ts, no source maps, no dev dependencies),
// and that electron-builder flipped the hardened Electron fuses in the packaged executable.
// Needs `npm run build` first. Offline; fails loudly with the list of problems.
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  mkdirSync,
  chmodSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { listPackage } from '@electron/asar'
import builder from 'electron-builder'
import { parse } from 'yaml'

// Electron's fuse wire (https://www.electronjs.org/docs/latest/tutorial/fuses), in wire order.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const ON = 0x31
const OFF = 0x30
const FUSES = [
  { key: 'runAsNode', electronDefault: true, hardened: false },
  { key: 'enableCookieEncryption', electronDefault: false, hardened: true },
  { key: 'enableNodeOptionsEnvironmentVariable', electronDefault: true, hardened: false },
  { key: 'enableNodeCliInspectArguments', electronDefault: true, hardened: false },
  { key: 'enableEmbeddedAsarIntegrityValidation', electronDefault: false, hardened: true },
  { key: 'onlyLoadAppFromAsar', electronDefault: false, hardened: true },
  { key: 'loadBrowserProcessSpecificV8Snapshot', electronDefault: false, hardened: false },
  { key: 'grantFileProtocolExtraPrivileges', electronDefault: true, hardened: false },
]

const started = Date.now()
const root = process.cwd()
const problems = []
const fail = (message) => problems.push(message)

for (const built of ['dist/main/index.js', 'dist/preload/index.cjs', 'dist/renderer/index.html']) {
  if (!existsSync(path.join(root, built))) {
    process.stderr.write(`pack:check: ${built} is missing; run \`npm run build\` first.\n`)
    process.exit(1)
  }
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-pack-'))
let failed = true
try {
  // A stand-in for Electron's Linux distribution: electron-builder copies it, renames `electron` and flips the
  // fuses in it. The stand-in carries Electron's fuse sentinel with a version-1 wire at Electron's defaults,
  // so the flip really happens and can be read back below.
  const electronDist = path.join(tmp, 'electron-dist')
  mkdirSync(path.join(electronDist, 'locales'), { recursive: true })
  const defaults = Buffer.from(FUSES.map((f) => (f.electronDefault ? ON : OFF)))
  writeFileSync(
    path.join(electronDist, 'electron'),
    Buffer.concat([
      Buffer.from(`#!/bin/sh\necho "stand-in for Electron"\nexit 0\n# `),
      Buffer.from(SENTINEL),
      Buffer.from([1, FUSES.length]),
      defaults,
      Buffer.from('\n'),
    ]),
  )
  chmodSync(path.join(electronDist, 'electron'), 0o755)
  writeFileSync(path.join(electronDist, 'LICENSE'), 'stand-in\n')

  const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'))
  const output = path.join(tmp, 'out')
  await builder.build({
    targets: builder.Platform.LINUX.createTarget('dir', builder.Arch.x64),
    publish: 'never',
    config: {
      ...config,
      electronDist,
      directories: { ...config.directories, output },
    },
  })

  const appDir = path.join(output, 'linux-unpacked')
  const archive = path.join(appDir, 'resources', 'app.asar')
  if (!existsSync(archive)) throw new Error(`pack:check: no app.asar at ${archive}`)
  if (existsSync(path.join(appDir, 'resources', 'app'))) fail('an unpacked resources/app folder sits beside app.asar')
  if (!existsSync(path.join(appDir, 'broadsheet'))) fail('the executable is not named "broadsheet"')

  // The fuses: electron-builder.yml must ask for the hardened set, and the packaged binary must carry it.
  const executable = readFileSync(path.join(appDir, 'broadsheet'))
  const at = executable.indexOf(SENTINEL)
  if (at === -1) fail('the fuse sentinel is gone from the packaged executable')
  const wire =
    at === -1 ? Buffer.alloc(0) : executable.subarray(at + SENTINEL.length + 2, at + SENTINEL.length + 2 + FUSES.length)
  FUSES.forEach((fuse, i) => {
    if (config.electronFuses?.[fuse.key] !== fuse.hardened) {
      fail(`electron-builder.yml: electronFuses.${fuse.key} must be ${fuse.hardened}`)
    }
    if (wire[i] !== (fuse.hardened ? ON : OFF))
      fail(`fuse ${fuse.key} is not ${fuse.hardened ? 'on' : 'off'} in the package`)
  })

  const entries = listPackage(archive, { isPack: false }).map((p) => p.split(path.sep).join('/').replace(/^\//, ''))
  const files = new Set(entries)
  const has = (p) => files.has(p)

  // What must be inside.
  const required = ['package.json', 'dist/main/index.js', 'dist/preload/index.cjs', 'dist/renderer/index.html']
  // The worker threads: parsing, search index builds, story grouping.
  required.push('dist/main/parse-worker.js', 'dist/main/index-worker.js', 'dist/main/group-worker.js')
  for (const file of required) if (!has(file)) fail(`${file} is missing from app.asar`)
  if (!entries.some((e) => /^dist\/renderer\/assets\/.+\.js$/.test(e))) fail('the renderer has no script in assets/')
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)],
    )
  const samples = walk(path.join(root, 'resources', 'sample-library')).map((f) =>
    path.relative(root, f).split(path.sep).join('/'),
  )
  if (samples.length === 0) fail('resources/sample-library has no files to check')
  for (const sample of samples) if (!has(sample)) fail(`${sample} is missing from app.asar`)

  // What must not be inside.
  const allowedTop = new Set(['dist', 'resources', 'node_modules', 'package.json'])
  for (const entry of entries) {
    const [top, second] = entry.split('/')
    if (!allowedTop.has(top)) fail(`unexpected top-level entry in app.asar: ${entry}`)
    if (top === 'resources' && second !== undefined && second !== 'sample-library')
      fail(`unexpected resource: ${entry}`)
    if (top === 'dist' && second !== undefined && !['main', 'preload', 'renderer'].includes(second)) {
      fail(`unexpected build output: ${entry}`)
    }
    if (top === 'node_modules') continue
    if (/\.(ts|tsx|mts|cts|svelte|map)$/.test(entry)) fail(`source or source map in app.asar: ${entry}`)
  }

  // node_modules: only the production dependency closure, never a dev dependency.
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
  const production = new Set()
  const visit = (name, fromDir) => {
    // Node looks in the node_modules of every folder above the requiring package (scoped ones sit a level deeper).
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
      const manifest = path.join(dir, 'node_modules', name, 'package.json')
      if (existsSync(manifest)) {
        const key = path.relative(root, path.dirname(manifest))
        if (production.has(key)) return
        production.add(key)
        const dep = JSON.parse(readFileSync(manifest, 'utf8'))
        for (const child of Object.keys({ ...dep.dependencies, ...dep.optionalDependencies })) {
          visit(child, path.dirname(manifest))
        }
        return
      }
      if (dir === root || dir === path.dirname(dir)) return
    }
  }
  for (const name of Object.keys(pkg.dependencies ?? {})) visit(name, root)
  const productionNames = new Set([...production].map((key) => key.split('node_modules/').pop()))
  const packedModules = new Set()
  for (const entry of entries) {
    const match = /^((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)*node_modules\/(?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(
      entry,
    )
    if (match) packedModules.add(match[1])
  }
  for (const dev of Object.keys(pkg.devDependencies ?? {})) {
    if (productionNames.has(dev)) continue
    if ([...packedModules].some((m) => m.endsWith(`node_modules/${dev}`))) fail(`dev dependency in app.asar: ${dev}`)
  }
  for (const module of packedModules) {
    const name = module.split('node_modules/').pop()
    if (!productionNames.has(name)) fail(`module outside the production dependencies in app.asar: ${module}`)
  }
  for (const name of Object.keys(pkg.dependencies ?? {})) {
    if (!packedModules.has(`node_modules/${name}`)) fail(`production dependency missing from app.asar: ${name}`)
  }

  const size = statSync(archive).size
  if (problems.length > 0) {
    process.stderr.write(
      `pack:check FAILED (${problems.length} problems):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
    )
  } else {
    failed = false
    process.stdout.write(
      `pack:check ok: app.asar holds ${entries.length} entries (${(size / 1024 / 1024).toFixed(1)} MB): ` +
        `main, preload, renderer, ${samples.length} sample files, ${packedModules.size} production modules; ` +
        `no sources, maps, tests or dev dependencies; ${FUSES.length} fuses set (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
    )
  }
} catch (error) {
  process.stderr.write(
    `pack:check FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
// Exit explicitly: electron-builder's helpers leave process.exitCode alone only sometimes.
process.exit(failed ? 1 : 0)
