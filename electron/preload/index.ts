/**
 * The only module that touches ipcRenderer: exposes the typed domain API as `window.broadsheet`.
 */
import { contextBridge } from 'electron'

contextBridge.exposeInMainWorld('broadsheet', {})
