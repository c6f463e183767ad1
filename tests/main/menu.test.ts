import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) } }))

const { buildMenuTemplate } = await import('../../electron/main/menu')

function actions() {
  return { command: vi.fn(), openLibrary: vi.fn(), revealLibrary: vi.fn(), about: vi.fn() }
}

type Item = MenuItemConstructorOptions
const items = (menu: Item | undefined): Item[] => (Array.isArray(menu?.submenu) ? (menu.submenu as Item[]) : [])
const find = (template: Item[], label: string) => template.find((item) => item.label === label || item.role === label)
const labels = (menu: Item | undefined) => items(menu).map((item) => item.label ?? item.role ?? item.type)
const click = (item: Item | undefined) => {
  if (!item?.click) expect.fail(`no click on ${item?.label}`)
  ;(item.click as unknown as () => void)()
}

describe('buildMenuTemplate', () => {
  it('gives macOS an app menu with About, Settings and Quit, and a Window menu', () => {
    const template = buildMenuTemplate({ platform: 'darwin', appName: 'Broadsheet', isDev: false }, actions())
    expect(template[0]?.label).toBe('Broadsheet')
    expect(labels(template[0])).toEqual(expect.arrayContaining(['about', 'Settings…', 'hide', 'quit']))
    expect(find(template, 'windowMenu')).toBeDefined()
    expect(labels(find(template, 'File'))).not.toContain('quit')
  })

  it('puts Quit in File and About in Help elsewhere', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const template = buildMenuTemplate({ platform, appName: 'Broadsheet', isDev: false }, actions())
      expect(template[0]?.label).toBe('File')
      expect(labels(find(template, 'File'))).toContain('quit')
      expect(labels(find(template, 'help'))).toContain('About Broadsheet')
    }
  })

  it('offers Import…, Open Library… and Reveal Library in File', () => {
    const a = actions()
    const file = find(buildMenuTemplate({ platform: 'linux', appName: 'Broadsheet', isDev: false }, a), 'File')
    click(items(file).find((i) => i.label === 'Import…'))
    click(items(file).find((i) => i.label === 'Open Library…'))
    click(items(file).find((i) => i.label === 'Reveal Library'))
    expect(a.command).toHaveBeenCalledWith('import')
    expect(a.openLibrary).toHaveBeenCalled()
    expect(a.revealLibrary).toHaveBeenCalled()
  })

  it('sends theme and query-help commands to the renderer', () => {
    const a = actions()
    const template = buildMenuTemplate({ platform: 'linux', appName: 'Broadsheet', isDev: false }, a)
    const theme = items(find(template, 'View')).find((i) => i.label === 'Theme')
    for (const item of items(theme)) click(item)
    expect(a.command.mock.calls.map((c) => c[0])).toEqual(['theme:system', 'theme:light', 'theme:dark', 'theme:sepia'])
    click(items(find(template, 'help')).find((i) => i.label === 'Query Syntax'))
    expect(a.command).toHaveBeenLastCalledWith('query-help')
  })

  it('has zoom always, but Reload and DevTools only in development', () => {
    const packaged = labels(
      find(buildMenuTemplate({ platform: 'linux', appName: 'B', isDev: false }, actions()), 'View'),
    )
    const dev = labels(find(buildMenuTemplate({ platform: 'linux', appName: 'B', isDev: true }, actions()), 'View'))
    expect(packaged).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']))
    expect(packaged).not.toContain('reload')
    expect(packaged).not.toContain('toggleDevTools')
    expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })
})
