/**
 * The one module that reads the preload's API.
 *
 * The renderer never imports node or electron; it sees only `window.broadsheet`.
 */
import type { BroadsheetApi } from '../../electron/shared/ipc-contract'

declare global {
  interface Window {
    broadsheet: BroadsheetApi
  }
}

/** The typed API, whichever transport (Electron preload or the browser test bridge) provides it. */
export const api: BroadsheetApi = window.broadsheet
