import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pathsFromArgv } from '../../electron/main/command-line'

let dir: string

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-argv-'))
  await fs.writeFile(path.join(dir, 'a.txt'), 'a')
  await fs.mkdir(path.join(dir, 'folder'))
})

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

describe('pathsFromArgv', () => {
  it('finds the files and folders given to the packaged app, resolved against its working folder', () => {
    const argv = ['/opt/Broadsheet/broadsheet', 'a.txt', path.join(dir, 'folder')]
    expect(pathsFromArgv(argv, dir, true)).toEqual([path.join(dir, 'a.txt'), path.join(dir, 'folder')])
  })

  it('skips the app folder of an unpackaged run, switches and paths that do not exist', () => {
    const argv = ['/usr/bin/electron', '.', '--allow-file-access-from-files', '-x', 'missing.txt', 'a.txt', 'a.txt']
    expect(pathsFromArgv(argv, dir, false)).toEqual([path.join(dir, 'a.txt')])
  })
})
