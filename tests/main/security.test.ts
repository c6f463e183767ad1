import { EventEmitter } from 'node:events'
import type { App, Session, WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  denyAllPermissions,
  guardWebContents,
  installRequestBlocker,
  installWebContentsGuards,
  isAllowedNavigation,
  isAllowedRequest,
  isAppUrl,
} from '../../electron/main/security'

type BeforeRequest = (
  details: { url: string; resourceType: string },
  callback: (r: { cancel: boolean }) => void,
) => void

function fakeSession() {
  const handlers: {
    beforeRequest?: BeforeRequest
    permissionRequest?: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void
    permissionCheck?: (wc: unknown, permission: string) => boolean
  } = {}
  const session = {
    webRequest: { onBeforeRequest: (listener: BeforeRequest) => (handlers.beforeRequest = listener) },
    setPermissionRequestHandler: (h: typeof handlers.permissionRequest) => (handlers.permissionRequest = h),
    setPermissionCheckHandler: (h: typeof handlers.permissionCheck) => (handlers.permissionCheck = h),
  }
  return { session: session as unknown as Session, handlers }
}

function decide(blocker: BeforeRequest, url: string): boolean {
  let cancel: boolean | undefined
  blocker({ url, resourceType: 'xhr' }, (response) => (cancel = response.cancel))
  if (cancel === undefined) throw new Error('the blocker did not answer')
  return cancel
}

class FakeContents extends EventEmitter {
  openHandler?: (details: { url: string }) => { action: string }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler
  }
  /** Emits an Electron-style event and says whether a listener prevented it. */
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false
    const event = { preventDefault: () => (prevented = true) }
    this.emit(name, event, ...args)
    return prevented
  }
  fireFrameNavigate(url: string, isMainFrame: boolean): boolean {
    let prevented = false
    this.emit('will-frame-navigate', { url, isMainFrame, preventDefault: () => (prevented = true) })
    return prevented
  }
}

function guarded() {
  const contents = new FakeContents()
  guardWebContents(contents as unknown as WebContents)
  return contents
}

describe('isAppUrl', () => {
  it('accepts only the app scheme on the app host', () => {
    expect(isAppUrl('app://broadsheet/index.html')).toBe(true)
    expect(isAppUrl('app://evil/index.html')).toBe(false)
    expect(isAppUrl('https://broadsheet/index.html')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
  })
})

describe('request blocker', () => {
  const { session, handlers } = fakeSession()
  installRequestBlocker(session)
  const blocker = handlers.beforeRequest!

  it.each([
    'app://broadsheet/index.html',
    'app://broadsheet/assets/index-abc.js',
    'data:image/png;base64,AAAA',
    'blob:app://broadsheet/1234',
    'devtools://devtools/bundled/inspector.html',
    'about:srcdoc',
  ])('lets the app load %s', (url) => {
    expect(decide(blocker, url)).toBe(false)
  })

  it.each([
    'https://example.com/tracker.gif',
    'http://example.com/',
    'ws://localhost:8080/',
    'wss://example.com/socket',
    'file:///etc/passwd',
    'ftp://example.com/file',
    'app://other-host/index.html',
    'chrome-extension://abc/x.js',
    'garbage',
  ])('cancels a request to %s', (url) => {
    expect(decide(blocker, url)).toBe(true)
  })

  it('agrees with isAllowedRequest', () => {
    expect(isAllowedRequest('https://example.com/')).toBe(false)
    expect(isAllowedRequest('app://broadsheet/')).toBe(true)
  })
})

describe('permission denials', () => {
  it('denies every permission request and check', () => {
    const { session, handlers } = fakeSession()
    denyAllPermissions(session)
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      const granted = vi.fn()
      handlers.permissionRequest!({}, permission, granted)
      expect(granted).toHaveBeenCalledWith(false)
      expect(handlers.permissionCheck!({}, permission)).toBe(false)
    }
  })
})

describe('guardWebContents', () => {
  it('denies window.open for any URL', () => {
    const contents = guarded()
    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(contents.openHandler!({ url: 'app://broadsheet/index.html' })).toEqual({ action: 'deny' })
  })

  it('stops navigation away from the app', () => {
    const contents = guarded()
    expect(contents.fire('will-navigate', 'https://example.com/')).toBe(true)
    expect(contents.fire('will-navigate', 'file:///home/user/article.html')).toBe(true)
    expect(contents.fire('will-navigate', 'app://broadsheet/index.html')).toBe(false)
  })

  it('stops redirects away from the app', () => {
    const contents = guarded()
    expect(contents.fire('will-redirect', 'https://example.com/', false, true)).toBe(true)
    expect(contents.fire('will-redirect', 'app://broadsheet/index.html', false, true)).toBe(false)
  })

  it('lets the reader frame show srcdoc but not a web page', () => {
    const contents = guarded()
    expect(contents.fireFrameNavigate('about:srcdoc', false)).toBe(false)
    expect(contents.fireFrameNavigate('https://example.com/article', false)).toBe(true)
    expect(contents.fireFrameNavigate('about:blank', true)).toBe(true)
    expect(isAllowedNavigation('about:srcdoc', true)).toBe(false)
  })

  it('refuses to attach a webview', () => {
    const contents = guarded()
    expect(contents.fire('will-attach-webview', {}, { src: 'https://example.com/' })).toBe(true)
  })

  it('is applied to every web contents the app creates', () => {
    const app = new EventEmitter()
    installWebContentsGuards(app as unknown as App)
    const contents = new FakeContents()
    app.emit('web-contents-created', {}, contents)
    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(contents.fire('will-navigate', 'https://example.com/')).toBe(true)
  })
})

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name!, values] as const
    }),
  )

  it('denies everything by default and allows scripts only from the app', () => {
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(directives.get('form-action')).toEqual(["'none'"])
  })

  it('never allows a remote origin, inline script or eval', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*|unsafe-eval/)
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'")
  })

  it('allows no frame at all, since article HTML is drawn in the page itself', () => {
    expect(directives.has('frame-src')).toBe(false)
    expect(directives.has('child-src')).toBe(false)
  })

  it('lets images come only from the app or data: URLs', () => {
    expect(directives.get('img-src')).toEqual(["'self'", 'data:'])
  })
})
