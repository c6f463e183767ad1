import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mimeTypeOf, readRendererFile, rendererFileFor } from '../../electron/app/static'

let root: string
let rendererDir: string

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-static-'))
  rendererDir = path.join(root, 'renderer')
  await fs.mkdir(path.join(rendererDir, 'assets'), { recursive: true })
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Broadsheet</title>')
  await fs.writeFile(path.join(rendererDir, 'assets', 'app.css'), 'body{}')
  await fs.writeFile(path.join(root, 'secret.txt'), 'not for the page')
})

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

describe('rendererFileFor', () => {
  it('maps / to index.html and other paths inside the folder', () => {
    expect(rendererFileFor(rendererDir, '/')).toBe(path.join(rendererDir, 'index.html'))
    expect(rendererFileFor(rendererDir, '/assets/app%2Ecss')).toBe(path.join(rendererDir, 'assets', 'app.css'))
  })

  it.each([
    '/../secret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/a%5c..%5c..%5csecret.txt',
    '/a%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (pathname) => {
    expect(rendererFileFor(rendererDir, pathname)).toBeNull()
  })
})

describe('readRendererFile', () => {
  it('reads a file with its type, and answers 403 outside the folder and 404 for a missing file', async () => {
    const css = await readRendererFile(rendererDir, '/assets/app.css')
    expect(css).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' })
    expect(String(css.body)).toBe('body{}')
    const outside = await readRendererFile(rendererDir, '/..%2fsecret.txt')
    expect(outside.status).toBe(403)
    expect(String(outside.body)).not.toContain('not for the page')
    expect((await readRendererFile(rendererDir, '/nope.js')).status).toBe(404)
  })

  it('serves unknown types as bytes, never as a page', () => {
    expect(mimeTypeOf('x.HTML')).toBe('text/html; charset=utf-8')
    expect(mimeTypeOf('x.exe')).toBe('application/octet-stream')
  })
})
