import { describe, expect, it } from 'vitest'
import { createAppHandlers, memorySettingsStore } from '../../electron/app/context'
import { DropTokens } from '../../electron/app/drops'
import type { LibrarySession } from '../../electron/app/library-session'
import { DEFAULT_SETTINGS } from '../../electron/shared/settings'
import { fakeContext } from '../main/helpers/fake-context'

describe('memorySettingsStore', () => {
  it('starts from the app’s defaults and keeps valid changes', async () => {
    const store = memorySettingsStore()
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    expect(await store.set({ fontSize: 22, bannerMode: 'compact' })).toEqual({
      ...DEFAULT_SETTINGS,
      fontSize: 22,
      bannerMode: 'compact',
    })
  })

  it('refuses a value the desktop store would refuse, and keeps the old one', async () => {
    const store = memorySettingsStore()
    await expect(store.set({ fontSize: 400 })).rejects.toThrow(/fontSize/)
    expect(store.get().fontSize).toBe(DEFAULT_SETTINGS.fontSize)
  })
})

describe('createAppHandlers', () => {
  it('runs the handlers over the session, with its drops', async () => {
    const fake = fakeContext()
    const session = {
      library: () => fake.ctx.library(),
      search: () => fake.ctx.search(),
      stories: () => fake.ctx.stories(),
      workbench: () => fake.ctx.workbench(),
      switchTo: async () => fake.ctx.switchLibrary('/other'),
      importProgress: () => {},
    } as unknown as LibrarySession
    const drops = new DropTokens()
    const [token] = drops.register(['/downloads/a.txt'])
    const handlers = createAppHandlers({ session, shell: fake.ctx.shell, settings: fake.ctx.settings, drops })
    expect(await handlers['library:info']()).toMatchObject({ ok: true, value: { root: '/library' } })
    await handlers['import:files']([{ kind: 'dropped', token: token! }])
    expect(fake.library.import).toHaveBeenCalledWith([{ kind: 'path', path: '/downloads/a.txt' }], expect.anything())
  })
})
