/**
 * The evidence export's `index.html`: a static page a colleague opens in any browser, offline.
 *
 * No script, no remote resource (its own CSP says so), every text escaped; each article with its provenance, its
 * hash and a link to the original file inside the export.
 */
import type { Article } from '../../../shared/models'

/** Escapes text for HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** A relative link to a file inside the export, each path segment percent-encoded. */
function localHref(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/')
}

/** The page's head and opening, up to the list. */
export function htmlStart(title: string, count: number, created: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>
body { font: 16px/1.5 Georgia, serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
article { border-top: 1px solid #ccc; padding: 1rem 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; font: 14px/1.4 system-ui, sans-serif; }
dt { color: #555; }
dd { margin: 0; overflow-wrap: anywhere; }
code { font-size: 13px; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${count} article${count === 1 ? '' : 's'}, exported ${escapeHtml(created)}. Each original file is in
<code>originals/</code>; <code>MANIFEST.sha256</code> lists the SHA-256 of every file (check with
<code>sha256sum -c MANIFEST.sha256</code> or <code>broadsheet verify</code>).</p>
<main>
`
}

/** One article's entry: title, byline, the three kinds of date kept apart, URLs, flags, disclaimers, hash, file. */
export function htmlArticle(article: Article, original: string, copiedHash: string): string {
  const rows: [string, string | null][] = [
    ['Site', article.site],
    ['Author', article.author],
    ['Published', article.published],
    ['Captured', article.capturedAt],
    ['Imported', article.importedAt],
    ['URL', article.url],
    ['Captured from', article.sourceUrl],
    ['Imported from', article.importedFrom],
    ['Language', article.language],
    ['Flags', article.flags.length ? article.flags.join(', ') : null],
    ['Words', String(article.wordCount)],
    ['Id', article.id],
  ]
  const dl = rows
    .filter((row): row is [string, string] => row[1] !== null && row[1] !== '')
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
  dl.push(`<dt>Original</dt><dd><a href="${escapeHtml(localHref(original))}">${escapeHtml(original)}</a></dd>`)
  dl.push(`<dt>SHA-256</dt><dd><code>${copiedHash}</code></dd>`)
  if (copiedHash !== article.hash) {
    dl.push(
      `<dt>Note</dt><dd>The file changed since import; imported as <code>${escapeHtml(article.hash)}</code>.</dd>`,
    )
  }
  const notes = article.disclaimers.map((d) => `<p><em>${escapeHtml(d)}</em></p>`).join('\n')
  return `<article>\n<h2>${escapeHtml(article.title || article.id)}</h2>\n<dl>${dl.join('')}</dl>\n${notes}</article>\n`
}

/** The page's close. */
export const HTML_END = '</main>\n</body>\n</html>\n'
