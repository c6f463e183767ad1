import fs from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary, type OpenedLibrary } from '../../../electron/core/library/library'
import { isAssetFolder, resolveLocalImage } from '../../../electron/core/library/media'
import { makeTempDir, type TempDir } from '../../helpers/temp-library'
import { solidPng } from '../../helpers/png'

const PNG = solidPng(3, 2)

/** A synthetic page saved "complete": its images sit in `<stem>_files/`. */
const savedPage = (title: string, folder = 'page_files') => `<!doctype html><html lang="en"><head>
<meta charset="utf-8"><title>${title}</title><link rel="canonical" href="https://news.example/${encodeURIComponent(title)}">
</head><body><article><h1>${title}</h1>
<p>The lighthouse keepers' association published its yearly count of passing ships on Monday, with a map.</p>
<figure><img src="${folder}/map.png" alt="Map of the shipping lanes"><figcaption>The lanes in 2024</figcaption></figure>
<p>Most of the ships were ferries and fishing boats; a few were tall ships bound for the summer regatta.</p>
<p>The association asks visitors to keep to the marked paths around the lighthouse during the nesting season.</p>
</article></body></html>`

let lib: TempDir
let src: TempDir

beforeEach(() => {
  lib = makeTempDir()
  src = makeTempDir()
})

afterEach(() => {
  lib.remove()
  src.remove()
})

describe('isAssetFolder', () => {
  it('names the folder of a page saved beside it, and nothing else', () => {
    expect(isAssetFolder('page_files', ['page.html', 'page_files'])).toBe(true)
    expect(isAssetFolder('Old Page_files', ['Old Page.HTM'])).toBe(true)
    expect(isAssetFolder('tax_files', ['tax.txt', 'notes.html'])).toBe(false)
    expect(isAssetFolder('_files', ['.html'])).toBe(false)
  })
})

describe('resolveLocalImage', () => {
  it('finds an image in the page folder, as its real path with its type', async () => {
    const page = lib.write('news/page.html', savedPage('Lighthouse count'))
    lib.write('news/page_files/map.png', PNG)
    expect(await resolveLocalImage(lib.root, page, 'page_files/map.png')).toEqual({
      file: lib.path('news/page_files/map.png'),
      type: 'image/png',
    })
  })

  it.each([
    ['a parent folder', '../other_files/map.png'],
    ['a hidden folder', '.broadsheet/map.png'],
    ['a hidden file', 'page_files/.map.png'],
    ['an absolute path', '/page_files/map.png'],
    ['a backslash', 'page_files\\map.png'],
    ['a file that is not an image', 'page_files/notes.txt'],
    ['a missing file', 'page_files/gone.png'],
  ])('refuses %s', async (_case, rel) => {
    const page = lib.write('news/page.html', savedPage('Lighthouse count'))
    lib.write('other_files/map.png', PNG)
    lib.write('news/.broadsheet/map.png', PNG)
    lib.write('news/page_files/.map.png', PNG)
    lib.write('news/page_files/notes.txt', 'notes')
    expect(await resolveLocalImage(lib.root, page, rel)).toBeNull()
  })

  it('refuses an image that is a link to a file outside the library', async () => {
    const page = lib.write('page.html', savedPage('Lighthouse count'))
    const outside = src.write('secret.png', PNG)
    fs.mkdirSync(lib.path('page_files'))
    fs.symlinkSync(outside, lib.path('page_files/map.png'))
    expect(await resolveLocalImage(lib.root, page, 'page_files/map.png')).toBeNull()
  })

  it('looks in a numbered copy’s own folder first', async () => {
    lib.write('page_files/map.png', solidPng(1, 1))
    const second = lib.write('page (2).html', savedPage('Lighthouse count'))
    lib.write('page (2)_files/map.png', PNG)
    expect((await resolveLocalImage(lib.root, second, 'page_files/map.png'))?.file).toBe(
      lib.path('page (2)_files/map.png'),
    )
  })
})

describe('saved pages with their assets folder', () => {
  let library: OpenedLibrary

  beforeEach(async () => {
    library = await openLibrary(lib.root)
  })

  afterEach(async () => {
    await library.close()
  })

  it('copies a dropped folder’s page with its images and imports only the page', async () => {
    src.write('saved/page.html', savedPage('Lighthouse count'))
    src.write('saved/page_files/map.png', PNG)
    src.write('saved/page_files/frame.html', savedPage('An embedded frame'))
    src.write('saved/page_files/style.css', 'p { color: red }')
    const results = await library.import([{ kind: 'path', path: src.path('saved') }])
    expect(results.map((r) => [r.file, r.status])).toEqual([[src.path('saved/page.html'), 'imported']])
    expect(lib.files()).toEqual([
      'saved/page.html',
      'saved/page_files/frame.html',
      'saved/page_files/map.png',
      'saved/page_files/style.css',
    ])
    expect(library.list().map((item) => item.title)).toEqual(['Lighthouse count'])
    const article = await library.get(results[0]!.articles[0]!)
    expect(article?.html).toContain('data-local-src="page_files/map.png"')
  })

  it('never copies a file that a link in the assets folder points to outside it', async () => {
    src.write('page.html', savedPage('Lighthouse count'))
    src.write('page_files/map.png', PNG)
    const outside = src.write('private/id_rsa.png', 'not an image, and not the page’s')
    fs.symlinkSync(outside, src.path('page_files/key.png'))
    const [result] = await library.import([{ kind: 'path', path: src.path('page.html') }])
    expect(result?.status).toBe('imported')
    expect(lib.files()).toEqual(['page.html', 'page_files/map.png'])
  })

  it('copies the folder beside a page dropped on its own', async () => {
    src.write('page.html', savedPage('Lighthouse count'))
    src.write('page_files/map.png', PNG)
    const [result] = await library.import([{ kind: 'path', path: src.path('page.html') }])
    expect(result?.status).toBe('imported')
    expect(fs.readFileSync(lib.path('page_files/map.png'))).toEqual(PNG)
  })

  it('gives a numbered page a numbered folder, leaving the first page’s images as they were', async () => {
    lib.write('page.html', savedPage('An older page'))
    lib.write('page_files/map.png', solidPng(1, 1))
    await library.rescan()
    src.write('page.html', savedPage('Lighthouse count'))
    src.write('page_files/map.png', PNG)
    const [result] = await library.import([{ kind: 'path', path: src.path('page.html') }])
    expect(result?.status).toBe('imported')
    expect(fs.readFileSync(lib.path('page (2)_files/map.png'))).toEqual(PNG)
    expect(fs.readFileSync(lib.path('page_files/map.png'))).toEqual(solidPng(1, 1))
    const file = library.pathOf(result!.articles[0]!)!
    expect((await resolveLocalImage(lib.root, file, 'page_files/map.png'))?.file).toBe(
      lib.path('page (2)_files/map.png'),
    )
  })

  it('takes the files of a folder dropped in a browser (bytes by relative name) as the page’s assets', async () => {
    const bytes = (name: string, content: string | Uint8Array) => ({
      kind: 'bytes' as const,
      name,
      bytes: typeof content === 'string' ? new TextEncoder().encode(content) : new Uint8Array(content),
    })
    const results = await library.import([
      bytes('saved/page.html', savedPage('Lighthouse count')),
      bytes('saved/page_files/map.png', PNG),
      bytes('saved/page_files/img/deep.png', PNG),
    ])
    expect(results.map((r) => [r.file, r.status, r.warnings])).toEqual([['saved/page.html', 'imported', []]])
    expect(lib.files()).toEqual(['saved/page.html', 'saved/page_files/img/deep.png', 'saved/page_files/map.png'])
  })

  it('never lists the files of a page’s folder as articles when scanning the library', async () => {
    lib.write('page.html', savedPage('Lighthouse count'))
    lib.write('page_files/frame.html', savedPage('An embedded frame'))
    lib.write('notes_files/kept.html', savedPage('A folder that only looks like assets'))
    await library.rescan()
    expect(
      library
        .list()
        .map((item) => item.title)
        .sort(),
    ).toEqual(['A folder that only looks like assets', 'Lighthouse count'])
  })
})
