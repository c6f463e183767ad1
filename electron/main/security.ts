/**
 * The shell's guards: nothing leaves the machine, nothing navigates away, nothing gets a permission.
 *
 * Everything here takes Electron objects as arguments (only types are imported), so tests pass doubles.
 */
import type { App, Event, Session, WebContents } from 'electron'
import { log } from '../core/logger'

/** The app's own scheme. */
export const APP_SCHEME = 'app'

/** The one host of the app scheme. */
export const APP_HOST = 'broadsheet'

/** The renderer's origin. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** The Content-Security-Policy of every response the app serves (one constant, also generated into the page). */
export { CONTENT_SECURITY_POLICY } from '../shared/csp'

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** True for `app://broadsheet/…` URLs, the app's own files. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url)
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST
}

/** True for the documents an `<iframe>` in the app may show: its own files and inline `srcdoc`/blank documents. */
function isInlineDocument(url: string): boolean {
  return url === 'about:srcdoc' || url === 'about:blank'
}

/**
 * Whether a web request may go ahead: only the app's own files, plus in-memory `data:`/`blob:` and the DevTools'
 * own `devtools:` pages. Everything else (http, https, ws, file, ftp, other hosts of the app scheme…) is cancelled.
 */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url) || isInlineDocument(url)) return true
  const parsed = parse(url)
  if (!parsed) return false
  return parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'devtools:'
}

/** Whether a frame may navigate to `url`: the main frame only within the app, sub-frames also to inline documents. */
export function isAllowedNavigation(url: string, isMainFrame: boolean): boolean {
  return isAppUrl(url) || (!isMainFrame && isInlineDocument(url))
}

/** Cancels every request of the session that `isAllowedRequest` refuses, and logs it. */
export function installRequestBlocker(session: Session): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url)
    if (!allowed) log.warn(`security: blocked a ${details.resourceType} request to ${details.url.slice(0, 200)}`)
    callback({ cancel: !allowed })
  })
}

/** Denies every permission request and check (camera, notifications, geolocation, clipboard-read, …). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`security: denied permission "${permission}"`)
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
}

/** Applies the request blocker and the permission denials to a session. */
export function hardenSession(session: Session): void {
  installRequestBlocker(session)
  denyAllPermissions(session)
}

/** Denies `window.open`, navigation away from the app, and `<webview>` for one web contents. */
export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`security: denied window.open(${url.slice(0, 200)})`)
    return { action: 'deny' }
  })
  const refuseNavigation = (event: Event, url: string, isMainFrame: boolean) => {
    if (isAllowedNavigation(url, isMainFrame)) return
    event.preventDefault()
    log.warn(`security: denied navigation to ${url.slice(0, 200)}`)
  }
  contents.on('will-navigate', (event, url) => refuseNavigation(event, url, true))
  contents.on('will-frame-navigate', (event) => refuseNavigation(event, event.url, event.isMainFrame))
  contents.on('will-redirect', (event, url, _isInPlace, isMainFrame) => refuseNavigation(event, url, isMainFrame))
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('security: refused to attach a <webview>')
  })
}

/** Guards every web contents the app ever creates (windows, frames' hosts, DevTools). */
export function installWebContentsGuards(app: App): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents))
}
