import { describe, expect, it, vi } from 'vitest'
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

describe('article:trash', () => {
  it('moves the file to the trash only after the user confirms', async () => {
    const fake = fakeContext()
    const result = await createHandlers(fake.ctx)['article:trash']('world/port.txt')
    expect(fake.shell.confirmTrash).toHaveBeenCalledWith('Port expansion approved')
    expect(fake.shell.trashItem).toHaveBeenCalledWith('/library/world/port.txt')
    expect(fake.library.rescan).toHaveBeenCalled()
    expect(result).toEqual({ ok: true, value: true })
  })

  it('leaves the file alone when the user cancels', async () => {
    const fake = fakeContext()
    fake.shell.confirmTrash.mockResolvedValue(false)
    const result = await createHandlers(fake.ctx)['article:trash']('world/port.txt')
    expect(fake.shell.trashItem).not.toHaveBeenCalled()
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

describe('import handlers', () => {
  it('report import progress through the context', async () => {
    const fake = fakeContext()
    const onImportProgress = vi.fn()
    fake.library.import.mockImplementation(async (_sources, options) => {
      options?.onProgress?.({ done: 1, total: 1, current: null })
      return []
    })
    await createHandlers({ ...fake.ctx, onImportProgress })['import:files']([{ kind: 'path', path: '/a.txt' }], 'world')
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

describe('handlers without a library', () => {
  it('answer no-library instead of throwing', async () => {
    const fake = fakeContext()
    const handlers = createHandlers({ ...fake.ctx, library: () => null, search: () => null })
    expect(await handlers['library:list']()).toMatchObject({ ok: false, error: { code: 'no-library' } })
    expect(await handlers['article:get']('x')).toMatchObject({ ok: false, error: { code: 'no-library' } })
    expect(await handlers['search:query']({ query: 'x' })).toMatchObject({ ok: false, error: { code: 'no-library' } })
  })
})
