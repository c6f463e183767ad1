/**
 * The app's Content-Security-Policy: sent by main with every app:// response and generated into the built
 * `index.html` (vite.config.ts), so the page and the header can never differ.
 */

/**
 * The Content-Security-Policy of every response the app serves.
 *
 * No remote origin anywhere, no inline script, no eval. Inline styles stay allowed because Svelte transitions set
 * them. `img-src` is the app's own origin, where the only images are an article's offline ones on the media
 * route (`/media/…`, see media.ts; the renderer has no images of its own), plus inline `data:` images (raster
 * types only, checked by the sanitizer and the reader); a path cannot narrow `'self'`, and naming the origin
 * instead would differ between the two shells. No frame of any kind: the reader draws article HTML in a shadow
 * root of the page (ArticleFrame.svelte), so `default-src 'none'` covers frames and workers.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ')
