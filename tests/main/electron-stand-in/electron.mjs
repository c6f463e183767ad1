// The ESM face of the stand-in: the same object, with the named exports the main bundle imports.
import { createRequire } from 'node:module'

const electron = createRequire(import.meta.url)('./electron.cjs')
export default electron
export const {
  app,
  BrowserWindow,
  ipcMain,
  protocol,
  session,
  shell,
  dialog,
  Menu,
  net,
  nativeTheme,
  screen,
  webContents,
} = electron
