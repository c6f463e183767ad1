import { describe, expect, it } from 'vitest'
import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import WithApp from './WithApp.svelte'
import SettingsView from '../../../renderer/views/SettingsView.svelte'
import { AppState } from '../../../renderer/state/app.svelte'
import { fakeApi } from '../fake-api'

describe('SettingsView', () => {
  it('lets the user open every banner as a compact strip, and back', async () => {
    const fake = fakeApi()
    const app = new AppState(fake.api)
    await app.settings.load()
    render(WithApp, { app, view: SettingsView })
    const user = userEvent.setup()
    const group = screen.getByRole('group', { name: 'Disclaimer banner' })
    expect(group).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: /Expanded/ })).toBeChecked()
    await user.click(screen.getByRole('radio', { name: /Compact/ }))
    expect(fake.api.settings.set).toHaveBeenCalledWith({ bannerMode: 'compact' })
    expect(app.settings.bannerMode).toBe('compact')
    await user.click(screen.getByRole('radio', { name: /Expanded/ }))
    expect(app.settings.bannerMode).toBe('expanded')
  })
})
