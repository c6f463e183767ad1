import { describe, expect, it } from 'vitest'
import yazl from 'yazl'
import { MAX_ENTRY_BYTES } from '../../../electron/core/formats/epub'
import { parseFile } from '../../../electron/core/formats/index'
import { expectArticle } from '../../helpers/fixture-cases'
import { solidPng } from '../../helpers/png'

/** Zips files into an EPUB the way packagers do: `mimetype` first and stored. */
function zip(files: Record<string, string | Buffer>): Promise<Buffer> {
  const archive = new yazl.ZipFile()
  for (const [name, data] of Object.entries(files)) {
    archive.addBuffer(Buffer.from(data), name, { compress: name !== 'mimetype' })
  }
  archive.end()
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    archive.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk))
    archive.outputStream.on('error', reject)
    archive.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
  })
}

const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`

/** A package document listing the chapters (path relative to OEBPS/) in spine order. */
function opf(meta: string, chapters: string[], extra = ''): string {
  const items = chapters
    .map((href, i) => `<item id="c${i}" href="${href}" media-type="application/xhtml+xml"/>`)
    .join('\n    ')
  const refs = chapters.map((_, i) => `<itemref idref="c${i}"/>`).join('')
  return `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">${meta}</metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    ${items}${extra}
  </manifest>
  <spine><itemref idref="nav"/>${refs}</spine>
</package>`
}

const NAV = `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Contents</title></head>
<body><nav epub:type="toc"><ol><li><a href="a.xhtml">One</a></li><li><a href="b.xhtml">Two</a></li></ol></nav></body></html>`

/** An XHTML document with a title and body markup. */
function xhtml(title: string, body: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>${title}</title></head><body>${body}</body></html>`
}

/** A calibre "Fetch news" article page: navbars above and below, the download footer at the end. */
function calibreArticle(title: string, paragraphs: string[], url: string): string {
  const navbar = `<div class="calibre_navbar">| <a href="../a1/index.html">Next</a> | <a href="../index.html">Section menu</a> | <a href="../../index.html">Main menu</a> |</div>`
  return xhtml(
    title,
    `${navbar}<div class="article"><h2 class="calibre_feed_title">${title}</h2>${paragraphs
      .map((p) => `<p>${p}</p>`)
      .join(
        '',
      )}</div><hr class="calibre_feed_footer"/><div class="calibre_navbar calibre_article_footer">${navbar}<p>This article was downloaded by <b>calibre</b> from <a href="${url}">${url}</a></p></div>`,
  )
}

const HARBOUR = [
  'The harbour authority approved the new ferry terminal on Tuesday after a review that lasted almost two years.',
  'Work on the pier starts in spring, and the terminal will handle twice as many crossings as the current one.',
]
const LIBRARY = [
  'The council opened the new public library on Saturday, with a reading room that seats two hundred people.',
  'The library replaces the old building on Mill Street, which closed three years ago after a flood.',
]

async function parse(files: Record<string, string | Buffer>, name = 'news.epub') {
  return parseFile(new Uint8Array(await zip(files)), name)
}

describe('epub: calibre news', () => {
  const files = {
    mimetype: 'application/epub+zip',
    'META-INF/container.xml': CONTAINER,
    'OEBPS/content.opf': opf(
      '<dc:title>The Daily Example [Tue, 03 Mar 2026]</dc:title><dc:creator>calibre</dc:creator><dc:date>2026-03-03T07:00:00+00:00</dc:date><dc:language>en</dc:language>',
      ['index.html', 'feed_0/index.html', 'feed_0/article_0/index.html', 'feed_0/article_1/index.html'],
    ),
    'OEBPS/nav.xhtml': NAV,
    'OEBPS/index.html': xhtml(
      'The Daily Example',
      '<h1>The Daily Example</h1><ul><li><a href="feed_0/index.html">City</a></li></ul>',
    ),
    'OEBPS/feed_0/index.html': xhtml(
      'City',
      '<h2>City</h2><ul><li>Harbour ferry terminal approved</li><li>Council opens the new library</li></ul>',
    ),
    'OEBPS/feed_0/article_0/index.html': calibreArticle(
      'Harbour ferry terminal approved',
      HARBOUR,
      'https://news.example.org/harbour',
    ),
    'OEBPS/feed_0/article_1/index.html': calibreArticle(
      'Council opens the new library',
      LIBRARY,
      'https://news.example.org/library',
    ),
  }

  it('gives one article per fetched story, with its address and the fetch date as provenance', async () => {
    const outcome = await parse(files)
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.warnings).toEqual([])
    expect(outcome.articles.map((a) => a.index)).toEqual([3, 4])
    const [harbour, library] = outcome.articles.map((a) => a.article)
    expectArticle(harbour!, {
      title: 'Harbour ferry terminal approved',
      sourceUrl: 'https://news.example.org/harbour',
      capturedAt: '2026-03-03T07:00:00.000Z',
      published: null,
      textStartsWith: 'The harbour authority approved',
      textEndsWith: 'as the current one.',
      textExcludes: ['calibre', 'Section menu', 'Next'],
      htmlExcludes: ['calibre', 'Section menu'],
      paragraphs: 2,
    })
    expectArticle(library!, { title: 'Council opens the new library', sourceUrl: 'https://news.example.org/library' })
  })
})

describe('epub: wallabag export', () => {
  /** Wallabag's title page for one entry: the title and a definition list of its fields. */
  const titlePage = (title: string, author: string, published: string, added: string, url: string) =>
    xhtml(
      title,
      `<h1>${title}</h1><dl><dt>Published by</dt><dd>${author}</dd><dt>Published on</dt><dd>${published}</dd><dt>Estimated reading time</dt><dd>2 min</dd><dt>Added on</dt><dd>${added}</dd><dt>Address</dt><dd><a href="${url}">${url}</a></dd></dl>`,
    )
  const files = {
    mimetype: 'application/epub+zip',
    'META-INF/container.xml': CONTAINER,
    'OEBPS/content.opf': opf(
      '<dc:title>All articles</dc:title><dc:creator>wallabag</dc:creator><dc:publisher>wallabag</dc:publisher>',
      ['Cover.html', 'h1_cover.html', 'h1.html', 'l2_cover.html', 'l2.html', 'Cover2.html'],
    ),
    'OEBPS/nav.xhtml': NAV,
    'OEBPS/Cover.html': xhtml('Cover', '<h1>All articles</h1><p>Exported from wallabag on 2026-03-05.</p>'),
    'OEBPS/h1_cover.html': titlePage(
      'Harbour ferry terminal approved',
      'Ada Example',
      '2026-03-03',
      '2026-03-04',
      'https://news.example.org/harbour',
    ),
    'OEBPS/h1.html': xhtml('Harbour ferry terminal approved', HARBOUR.map((p) => `<p>${p}</p>`).join('')),
    'OEBPS/l2_cover.html': titlePage(
      'Council opens the new library',
      '',
      '',
      '2026-03-05',
      'https://city.example.com/library',
    ),
    'OEBPS/l2.html': xhtml('Council opens the new library', LIBRARY.map((p) => `<p>${p}</p>`).join('')),
    'OEBPS/Cover2.html': xhtml(
      'Notices',
      '<p>This is an e-book produced by wallabag with PHPePub. Please open an issue if you have trouble with the display of this e-book on your device.</p>',
    ),
  }

  it('gives one article per entry with the title page’s fields, and leaves the cover and notices out', async () => {
    const outcome = await parse(files, 'wallabag.epub')
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.articles.map((a) => a.index)).toEqual([3, 5])
    const [harbour, library] = outcome.articles.map((a) => a.article)
    expectArticle(harbour!, {
      title: 'Harbour ferry terminal approved',
      author: 'Ada Example',
      published: '2026-03-03',
      capturedAt: '2026-03-04',
      sourceUrl: 'https://news.example.org/harbour',
      textStartsWith: 'The harbour authority approved',
      paragraphs: 2,
    })
    expectArticle(library!, {
      title: 'Council opens the new library',
      published: null,
      capturedAt: '2026-03-05',
      sourceUrl: 'https://city.example.com/library',
      textStartsWith: 'The council opened',
    })
  })
})

describe('epub: book-like', () => {
  const png = solidPng(4, 3)
  const files = {
    mimetype: 'application/epub+zip',
    'META-INF/container.xml': CONTAINER,
    'OEBPS/content.opf': opf(
      '<dc:title>Tales of the Quay</dc:title><dc:creator>Ada Example</dc:creator><dc:publisher>Harbour Press</dc:publisher><dc:date>2019-05-01</dc:date>',
      ['text/a.xhtml', 'text/b%20two.xhtml'],
      '<item id="img" href="images/pier.png" media-type="image/png"/>',
    ),
    'OEBPS/nav.xhtml': NAV,
    'OEBPS/text/a.xhtml': xhtml(
      'Tales of the Quay',
      `<h1>The Pier</h1><p><img src="../images/pier.png" alt="The pier"/></p>${HARBOUR.map((p) => `<p>${p}</p>`).join('')}`,
    ),
    'OEBPS/text/b two.xhtml': xhtml(
      'Tales of the Quay',
      `<h1>The Library</h1>${LIBRARY.map((p) => `<p>${p}</p>`).join('')}`,
    ),
    'OEBPS/images/pier.png': png,
  }

  it('gives one article per chapter, titled by book and chapter, with its images inline', async () => {
    const outcome = await parse(files, 'tales.epub')
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.articles.map((a) => a.index)).toEqual([1, 2])
    const [pier, library] = outcome.articles.map((a) => a.article)
    expectArticle(pier!, {
      title: 'Tales of the Quay: The Pier',
      author: 'Ada Example',
      site: 'Harbour Press',
      published: '2019-05-01',
      sourceUrl: null,
      textStartsWith: 'The harbour authority approved',
      htmlIncludes: [`src="data:image/png;base64,${png.toString('base64')}"`],
    })
    expectArticle(library!, { title: 'Tales of the Quay: The Library', textStartsWith: 'The council opened' })
  })

  it('titles a title page that repeats the book in other letters as the book alone', async () => {
    const outcome = await parse(
      {
        ...files,
        'OEBPS/text/a.xhtml': xhtml(
          'Tales of the Quay',
          `<h1>TALES OF THE QUAY</h1>${HARBOUR.map((p) => `<p>${p}</p>`).join('')}`,
        ),
      },
      'tales.epub',
    )
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.articles[0]!.article.title).toBe('Tales of the Quay')
  })

  it('leaves a table of contents in the spine out', async () => {
    const contents = xhtml(
      'Contents',
      '<h2>Contents</h2><p><a href="a.xhtml">The Pier, and how the harbour authority came to build it</a></p><p><a href="b%20two.xhtml">The Library on Mill Street and the flood that closed it</a></p>',
    )
    const outcome = await parse(
      {
        ...files,
        'OEBPS/content.opf': opf(
          '<dc:title>Tales of the Quay</dc:title>',
          ['text/contents.xhtml', 'text/a.xhtml', 'text/b%20two.xhtml'],
          '<item id="img" href="images/pier.png" media-type="image/png"/>',
        ),
        'OEBPS/text/contents.xhtml': contents,
      },
      'tales.epub',
    )
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.articles.map((a) => a.article.title)).toEqual([
      'Tales of the Quay: The Pier',
      'Tales of the Quay: The Library',
    ])
  })

  it('names a chapter missing from the archive and imports the rest', async () => {
    const { 'OEBPS/text/b two.xhtml': _gone, ...rest } = files
    const outcome = await parse(rest, 'tales.epub')
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.warnings).toEqual([
      'chapter OEBPS/text/b two.xhtml (spine item 3) is missing from the EPUB: skipped',
    ])
    expect(outcome.articles.map((a) => a.article.title)).toEqual(['Tales of the Quay: The Pier'])
  })
})

describe('epub: a chapter too large to read', () => {
  it('skips it with its size named, and imports the rest', async () => {
    const files = {
      mimetype: 'application/epub+zip',
      'META-INF/container.xml': CONTAINER,
      'OEBPS/content.opf': opf('<dc:title>Tales of the Quay</dc:title>', ['a.xhtml', 'huge.xhtml']),
      'OEBPS/nav.xhtml': NAV,
      'OEBPS/a.xhtml': xhtml('Tales of the Quay', `<h1>The Pier</h1>${HARBOUR.map((p) => `<p>${p}</p>`).join('')}`),
      'OEBPS/huge.xhtml': Buffer.alloc(MAX_ENTRY_BYTES + 1, 32),
    }
    const outcome = await parse(files, 'tales.epub')
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.warnings).toEqual(['chapter OEBPS/huge.xhtml (spine item 3) is larger than 64 MB unpacked: skipped'])
    expect(outcome.articles.map((a) => a.article.title)).toEqual(['Tales of the Quay: The Pier'])
  })
})

describe('epub: bad input', () => {
  it('refuses a ZIP without container.xml', async () => {
    const outcome = await parse({ mimetype: 'application/epub+zip', 'OEBPS/a.xhtml': xhtml('A', '<p>Text</p>') })
    expect(outcome).toEqual({ ok: false, reason: 'not an EPUB: META-INF/container.xml missing' })
  })

  it('refuses a file that is not a ZIP', async () => {
    const outcome = await parseFile(new TextEncoder().encode('just some text, not an archive'), 'notes.epub')
    expect(outcome.ok === false && outcome.reason).toMatch(/^not an EPUB: not a readable ZIP archive/)
  })

  it('refuses a package whose container names a missing OPF', async () => {
    const outcome = await parse({ mimetype: 'application/epub+zip', 'META-INF/container.xml': CONTAINER })
    expect(outcome).toEqual({ ok: false, reason: 'not an EPUB: its package OEBPS/content.opf is missing' })
  })
})
