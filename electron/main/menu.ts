/**
 * The native menu, with each platform's conventions (the macOS app menu; Quit in File elsewhere).
 */
import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { AppCommand } from '../shared/ipc-contract'

/** What the menu items do; the app wires them to the window and the library session. */
export interface MenuActions {
  /** Sends a command to the renderer, which carries it out (import dialog, theme, query help…). */
  command(command: AppCommand): void
  openLibrary(): void
  revealLibrary(): void
  about(): void
}

/** Options that change the menu's shape. */
export interface MenuOptions {
  platform: NodeJS.Platform
  appName: string
  /** Development builds get Reload and the DevTools. */
  isDev: boolean
}

/** The menu template for a platform; pure, so tests can inspect it. */
export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin'
  const settingsItem: MenuItemConstructorOptions = {
    label: isMac ? 'Settings…' : 'Settings',
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.command('settings'),
  }
  const themes: [string, AppCommand][] = [
    ['System', 'theme:system'],
    ['Light', 'theme:light'],
    ['Dark', 'theme:dark'],
    ['Sepia', 'theme:sepia'],
  ]

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      settingsItem,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  }

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => actions.command('import') },
      { label: 'Open Library…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openLibrary() },
      { label: isMac ? 'Reveal Library in Finder' : 'Reveal Library', click: () => actions.revealLibrary() },
      { type: 'separator' },
      ...(isMac
        ? [{ role: 'close' } as const]
        : [settingsItem, { type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  }

  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Search', accelerator: 'CmdOrCtrl+F', click: () => actions.command('search') },
    ],
  }

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(options.isDev
        ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      {
        label: 'Theme',
        submenu: themes.map(([label, command]) => ({ label, click: () => actions.command(command) })),
      },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'Query Syntax', click: () => actions.command('query-help') },
      ...(isMac
        ? []
        : [{ type: 'separator' } as const, { label: `About ${options.appName}`, click: () => actions.about() }]),
    ],
  }

  return [
    ...(isMac ? [appMenu] : []),
    fileMenu,
    editMenu,
    viewMenu,
    ...(isMac ? [{ role: 'windowMenu' } as const] : []),
    helpMenu,
  ]
}

/** Builds the template and makes it the application menu. */
export function installMenu(options: MenuOptions, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options, actions)))
}
