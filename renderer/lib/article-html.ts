/**
 * Turns an article's sanitized HTML into nodes the reader can put in the app's own document.
 *
 * The core has sanitized the HTML with an allowlist already. The reader draws it in a shadow root of the app
 * document (no frame), where the app's CSP forbids inline script and every fetch but its own files; this module
 * is the second check that stands where the frame's sandbox stood: it parses in an inert `<template>`, drops
 * anything that could run, fetch, navigate or submit, and turns images that cannot be drawn offline into
 * labelled placeholders.
 */
import { DATA_IMAGE } from '../../electron/shared/media'

/** Elements that never belong in a reading body, removed with their content. */
const FORBIDDEN = new Set([
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'svg',
  'math',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'template',
  'noscript',
  'portal',
  'dialog',
])

/** Attributes kept on any element; everything else goes (handlers, style, id, name, class, src, …). */
const KEPT = new Set(['lang', 'dir', 'title', 'alt', 'colspan', 'rowspan', 'scope', 'span', 'start', 'reversed'])

const WEB_OR_MAIL = /^(?:https?:\/\/|mailto:)/i

/** True for an http(s) `href`: the only kind of link main opens (in the system browser). */
export function isWebLink(href: string): boolean {
  return /^https?:\/\//i.test(href.trim())
}

/** True for an image source the reader may draw: only inline data images; anything else would be a request. */
export function isDrawableSource(src: string): boolean {
  return DATA_IMAGE.test(src.trim())
}

function scrubElement(el: Element): void {
  for (const attr of [...el.attributes]) {
    const name = attr.name.toLowerCase()
    if (KEPT.has(name) || name === 'data-src' || name === 'data-local-src' || name === 'datetime') continue
    if (name === 'href' && el.localName === 'a' && WEB_OR_MAIL.test(attr.value.trim())) continue
    if (name === 'src' && el.localName === 'img' && isDrawableSource(attr.value)) continue
    el.removeAttribute(attr.name)
  }
  if (el.localName === 'a' && el.hasAttribute('href')) el.setAttribute('title', el.getAttribute('href') ?? '')
}

/** A placeholder in place of an image that is not stored offline: what it showed, and where it was. */
function placeholder(doc: Document, img: Element, missing = false): HTMLElement {
  const box = doc.createElement('span')
  box.className = 'image-placeholder'
  const line = (cls: string, text: string) => {
    const span = doc.createElement('span')
    span.className = cls
    span.textContent = text
    box.append(span)
  }
  // A saved page's own image that could not be loaded says so, with the path it was expected at.
  const local = img.getAttribute('data-local-src')?.trim()
  line('label', missing ? 'Image missing from the library' : 'Image not stored offline')
  const alt = img.getAttribute('alt')?.trim()
  if (alt) line('alt', alt)
  // A caption of its own only when the figure has none to show beside it.
  const title = img.getAttribute('title')?.trim()
  if (title && !img.closest('figure')?.querySelector('figcaption')) line('caption', title)
  if (local) line('address', local)
  const address = img.getAttribute('data-src')?.trim()
  if (address) line('address', address)
  return box
}

/** How images stored beside the article are drawn. */
export interface ImageOptions {
  /**
   * The app's own URL for an image stored in the library beside the article (`data-local-src`, a relative path the
   * core checked), or null when it cannot be served. Without it, such images are placeholders too.
   */
  localSource?: (relativePath: string) => string | null
}

/**
 * Parses sanitized article HTML into an inert fragment with nothing that could run, fetch or navigate, and with
 * a labelled placeholder for every image that cannot be drawn offline.
 */
export function articleFragment(html: string, doc: Document = document, options: ImageOptions = {}): DocumentFragment {
  const template = doc.createElement('template')
  template.innerHTML = html
  const fragment = template.content
  for (const el of [...fragment.querySelectorAll('*')]) {
    if (FORBIDDEN.has(el.localName) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
      el.remove()
      continue
    }
    scrubElement(el)
  }
  for (const img of [...fragment.querySelectorAll('img')]) {
    const local = img.getAttribute('data-local-src')
    const served = local && options.localSource ? options.localSource(local) : null
    if (served) img.setAttribute('src', served)
    else if (!isDrawableSource(img.getAttribute('src') ?? '')) img.replaceWith(placeholder(doc, img))
  }
  return fragment
}

/** Replaces an image that failed to draw (a missing or broken file) with its placeholder. */
export function replaceBrokenImage(img: HTMLImageElement): void {
  img.replaceWith(placeholder(img.ownerDocument, img, img.hasAttribute('data-local-src')))
}
