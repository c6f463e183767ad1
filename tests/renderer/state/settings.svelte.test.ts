import { describe, expect, it } from 'vitest'
import { SettingsState } from '../../../renderer/state/settings.svelte'
import { fakeApi } from '../fake-api'

describe('SettingsState', () => {
  it('remembers the theme through the API', async () => {
    const fake = fakeApi()
    const settings = new SettingsState(fake.api)
    await settings.load()
    await settings.setTheme('sepia')
    expect(settings.theme).toBe('sepia')
    expect(fake.api.settings.set).toHaveBeenCalledWith({ theme: 'sepia' })
    expect(await new SettingsState(fake.api).load()).toMatchObject({ theme: 'sepia' })
  })

  it('keeps the font size within bounds', async () => {
    const settings = new SettingsState(fakeApi().api)
    await settings.setFontSize(80)
    expect(settings.fontSize).toBe(40)
    await settings.setFontSize(3)
    expect(settings.fontSize).toBe(10)
  })

  it('stores the banner mode as one global choice', async () => {
    const fake = fakeApi()
    const settings = new SettingsState(fake.api)
    await settings.load()
    expect(settings.bannerMode).toBe('expanded')
    await settings.setBannerMode('compact')
    expect(fake.api.settings.set).toHaveBeenCalledWith({ bannerMode: 'compact' })
    expect((await new SettingsState(fake.api).load()).bannerMode).toBe('compact')
  })
})
