import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { DropTokens } from '../../../electron/app/drops'
import { createHandlers, safeWebUrl } from '../../../electron/main/ipc/handlers'
import { fakeArticle, fakeContext } from '../helpers/fake-context'

describe('safeWebUrl', () => {
  it('keeps parsed http and https URLs', () => {
    expect(safeWebUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1')
    expect(safeWebUrl('http://example.org')).toBe('http://example.org/')
  })

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>1</script>',
    'vbscript:x',
    'smb://host/share',
    'mailto:a@b.c',
    '//example.org/a',
    'example.org',
    '',
  ])('refuses %j', (raw) => {
    expect(safeWebUrl(raw)).toBeNull()
  })
})

describe('article:open-original', () => {
  it('opens the article’s own http(s) URL, looked up in the library', async () => {
    const fake = fakeContext()
    const result = await createHandlers(fake.ctx)['article:open-original']('world/port.txt')
    expect(result).toEqual({ ok: true, value: null })
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://example.org/port')
  })

  it.each(['javascript:alert(document.cookie)', 'file:///etc/passwd', 'data:text/html,<h1>x</h1>', null])(
    'refuses to open an article whose URL is %j',
    async (url) => {
      const fake = fakeContext(fakeArticle({ url }))
      const result = await createHandlers(fake.ctx)['article:open-original']('world/port.txt')
      expect(result).toMatchObject({ ok: false, error: { code: 'not-allowed' } })
      expect(fake.shell.openExternal).not.toHaveBeenCalled()
    },
  )

  it('answers not-found for an unknown id and opens nothing', async () => {
    const fake = fakeContext()
    const result = await createHandlers(fake.ctx)['article:open-original']('nope')
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(fake.shell.openExternal).not.toHaveBeenCalled()
  })
})

describe('article:open-link', () => {
  const html =
    '<p>See <a href="https://port.example/report?id=4&amp;page=2">the report</a> and ' +
    '<a href="mailto:desk@port.example">the desk</a>.</p>'

  it('opens a link that appears in the article, in the system browser', async () => {
    const fake = fakeContext(fakeArticle({ html }))
    const result = await createHandlers(fake.ctx)['article:open-link'](
      'world/port.txt',
      'https://port.example/report?id=4&page=2',
    )
    expect(result).toEqual({ ok: true, value: null })
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://port.example/report?id=4&page=2')
  })

  it.each([
    'https://evil.example/',
    'javascript:alert(1)',
    'mailto:desk@port.example',
    'file:///etc/passwd',
    'https://port.example/report',
  ])('refuses %j, which is not an http(s) link of this article', async (href) => {
    const fake = fakeContext(fakeArticle({ html }))
    const result = await createHandlers(fake.ctx)['article:open-link']('world/port.txt', href)
    expect(result).toMatchObject({ ok: false, error: { code: 'not-allowed' } })
    expect(fake.shell.openExternal).not.toHaveBeenCalled()
  })

  it('answers not-found for an unknown id and opens nothing', async () => {
    const fake = fakeContext(fakeArticle({ html }))
    const result = await createHandlers(fake.ctx)['article:open-link']('nope', 'https://port.example/report')
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(fake.shell.openExternal).not.toHaveBeenCalled()
  })
})

describe('article:trash', () => {
  it('holds the file in the library trash after the user confirms, with a token to undo it', async () => {
    const fake = fakeContext()
    const handlers = createHandlers(fake.ctx)
    const result = await handlers['article:trash']('world/port.txt')
    expect(fake.shell.confirmTrash).toHaveBeenCalledWith('Port expansion approved')
    expect(fake.library.trash).toHaveBeenCalledWith('world/port.txt')
    expect(fake.shell.trashItem).not.toHaveBeenCalled()
    expect(result).toEqual({ ok: true, value: { token: 'held-1', articles: 1 } })
    expect(await handlers['article:restore']('held-1')).toEqual({ ok: true, value: true })
    expect(await handlers['article:restore']('held-2')).toEqual({ ok: true, value: false })
  })

  it('leaves the file alone when the user cancels', async () => {
    const fake = fakeContext()
    fake.shell.confirmTrash.mockResolvedValue(false)
    const result = await createHandlers(fake.ctx)['article:trash']('world/port.txt')
    expect(fake.library.trash).not.toHaveBeenCalled()
    expect(result).toEqual({ ok: true, value: false })
  })

  it('never asks about an id outside the library', async () => {
    const fake = fakeContext()
    const result = await createHandlers(fake.ctx)['article:trash']('../../etc/passwd')
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(fake.shell.confirmTrash).not.toHaveBeenCalled()
    expect(fake.shell.trashItem).not.toHaveBeenCalled()
  })
})

describe('article:edit', () => {
  it('answers with the corrected article and its state, or not-found', async () => {
    const fake = fakeContext()
    const corrected = { ...(await fake.library.get('world/port.txt'))!, title: 'Corrected', edited: ['title' as const] }
    fake.library.edit.mockResolvedValue(corrected)
    const handlers = createHandlers(fake.ctx)
    const result = await handlers['article:edit']('world/port.txt', { title: 'Corrected' })
    expect(fake.library.edit).toHaveBeenCalledWith('world/port.txt', { title: 'Corrected' })
    expect(result).toMatchObject({ ok: true, value: { title: 'Corrected', edited: ['title'], read: false } })
    fake.library.edit.mockResolvedValue(undefined)
    expect(await handlers['article:edit']('gone.txt', { title: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })
})

describe('state writes', () => {
  it('answers write-failed when a correction or a read mark cannot be saved', async () => {
    const fake = fakeContext()
    const full = new Error('state.json could not be written (ENOSPC); changes are not saved')
    fake.library.edit.mockRejectedValue(full)
    fake.library.setState.mockRejectedValue(full)
    const handlers = createHandlers(fake.ctx)
    const failed = { ok: false, error: { code: 'write-failed', message: expect.stringMatching(/ENOSPC/) } }
    expect(await handlers['article:edit']('world/port.txt', { title: 'x' })).toMatchObject(failed)
    expect(await handlers['article:set-state']('world/port.txt', { read: true })).toMatchObject(failed)
  })
})

describe('import handlers', () => {
  it('report import progress through the context', async () => {
    const fake = fakeContext()
    const onImportProgress = vi.fn()
    fake.library.import.mockImplementation(async (_sources, options) => {
      options?.onProgress?.({ done: 1, total: 1, current: null })
      return []
    })
    const bytes = new Uint8Array([104, 105])
    await createHandlers({ ...fake.ctx, onImportProgress })['import:files'](
      [{ kind: 'bytes', name: 'a.txt', bytes }],
      'world',
    )
    expect(onImportProgress).toHaveBeenCalledWith({ done: 1, total: 1, current: null })
  })

  it('import nothing when the file dialog is cancelled', async () => {
    const fake = fakeContext()
    fake.shell.chooseImportPaths.mockResolvedValue(null)
    const result = await createHandlers(fake.ctx)['import:dialog'](undefined)
    expect(result).toEqual({ ok: true, value: null })
    expect(fake.library.import).not.toHaveBeenCalled()
  })
})

describe('import:files with dropped files', () => {
  it('imports a registered drop by its path, once: a replayed token reaches nothing', async () => {
    const fake = fakeContext()
    const drops = new DropTokens()
    const [token] = drops.register(['/downloads/harbour.txt'])
    const handlers = createHandlers({ ...fake.ctx, drops })
    await handlers['import:files']([{ kind: 'dropped', token: token! }], 'world')
    expect(fake.library.import).toHaveBeenCalledWith(
      [{ kind: 'path', path: '/downloads/harbour.txt' }],
      expect.anything(),
    )

    fake.library.import.mockClear()
    const again = await handlers['import:files']([{ kind: 'dropped', token: token! }])
    expect(fake.library.import).not.toHaveBeenCalled()
    expect(again).toMatchObject({
      ok: true,
      value: [{ status: 'failed', error: expect.stringMatching(/not dropped/) }],
    })
  })

  it('refuses a token nobody registered, with a failed row and no read', async () => {
    const fake = fakeContext()
    const handlers = createHandlers({ ...fake.ctx, drops: new DropTokens() })
    const result = await handlers['import:files']([{ kind: 'dropped', token: 'guessed-token' }])
    expect(fake.library.import).not.toHaveBeenCalled()
    expect(result).toMatchObject({ ok: true, value: [{ status: 'failed' }] })
  })

  it.each([
    ['/proc/self/cwd/package.json', /system files/],
    ['/sys/kernel/notes', /system files/],
    ['/dev/zero', /system files/],
    [path.join(os.homedir(), '.ssh', 'id_ed25519'), /hidden/],
    [path.join(os.homedir(), '.secret', 'token.json'), /hidden/],
    ['/home/reader/library/.broadsheet/state.json', /own data/],
  ])('refuses the hidden or system path %s even when it was dropped', async (file, reason) => {
    const fake = fakeContext()
    const drops = new DropTokens()
    const [token] = drops.register([file])
    const result = await createHandlers({ ...fake.ctx, drops })['import:files']([{ kind: 'dropped', token: token! }])
    expect(fake.library.import).not.toHaveBeenCalled()
    expect(result).toMatchObject({
      ok: true,
      value: [{ file, status: 'failed', error: expect.stringMatching(reason) }],
    })
  })

  it('refuses a path that links into a hidden folder', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-drop-'))
    try {
      await fs.mkdir(path.join(dir, '.private'))
      await fs.writeFile(path.join(dir, '.private', 'notes.txt'), 'Private notes\n\nNot for import.\n')
      await fs.symlink(path.join(dir, '.private', 'notes.txt'), path.join(dir, 'notes.txt'))
      const fake = fakeContext()
      const drops = new DropTokens()
      const [token] = drops.register([path.join(dir, 'notes.txt')])
      const result = await createHandlers({ ...fake.ctx, drops })['import:files']([{ kind: 'dropped', token: token! }])
      expect(fake.library.import).not.toHaveBeenCalled()
      expect(result).toMatchObject({ ok: true, value: [{ status: 'failed', error: expect.stringMatching(/hidden/) }] })
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  })

  it('refuses hidden files picked in the dialog but imports the rest', async () => {
    const fake = fakeContext()
    fake.shell.chooseImportPaths.mockResolvedValue(['/downloads/a.txt', path.join(os.homedir(), '.aws', 'credentials')])
    const result = await createHandlers(fake.ctx)['import:dialog'](undefined)
    expect(fake.library.import).toHaveBeenCalledWith([{ kind: 'path', path: '/downloads/a.txt' }], expect.anything())
    expect(result).toMatchObject({ ok: true, value: [{ status: 'failed', error: expect.stringMatching(/hidden/) }] })
  })
})

describe('handlers without a library', () => {
  it('answer no-library instead of throwing', async () => {
    const fake = fakeContext()
    const handlers = createHandlers({ ...fake.ctx, library: () => null, search: () => null })
    expect(await handlers['library:list']()).toMatchObject({ ok: false, error: { code: 'no-library' } })
    expect(await handlers['article:get']('x')).toMatchObject({ ok: false, error: { code: 'no-library' } })
    expect(await handlers['search:query']({ query: 'x' })).toMatchObject({ ok: false, error: { code: 'no-library' } })
  })
})

describe('library:info', () => {
  it('lists a damaged highlights file the workbench set aside among the library notices', async () => {
    const fake = fakeContext()
    const aside = { code: 'annotations-set-aside' as const, message: 'Highlights: set aside at /x.corrupt-1.' }
    fake.workbench.notices.mockReturnValue([aside])
    const result = await createHandlers(fake.ctx)['library:info']()
    expect(result.ok && result.value.notices).toEqual([aside])
  })
})
