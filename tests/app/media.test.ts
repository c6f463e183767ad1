import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isMediaPath, readMedia } from '../../electron/app/media'
import { openLibrary, type OpenedLibrary } from '../../electron/core/library/library'
import { mediaUrl, parseMediaPath } from '../../electron/shared/media'
import { makeTempDir, type TempDir } from '../helpers/temp-library'
import { solidPng } from '../helpers/png'

const PNG = solidPng(2, 2)

const PAGE = `<!doctype html><html><head><title>Allotment waiting list shrinks</title></head><body><article>
<h1>Allotment waiting list shrinks</h1>
<p>The town's allotment society says its waiting list is the shortest it has been in eleven years.</p>
<img src="Allotments_files/plot%201.png" alt="Plot one in spring">
<p>New plots on the old railway land were handed over to twenty families in March, the society said.</p>
</article></body></html>`

let lib: TempDir
let library: OpenedLibrary
let id: string

beforeEach(async () => {
  lib = makeTempDir()
  lib.write('gardens/Allotments.html', PAGE)
  lib.write('gardens/Allotments_files/plot 1.png', PNG)
  lib.write('gardens/Allotments_files/notes.txt', 'not an image')
  lib.write('gardens/Allotments_files/.hidden.png', PNG)
  lib.write('secret.png', PNG)
  library = await openLibrary(lib.root)
  id = library.list()[0]!.id
})

afterEach(async () => {
  await library.close()
  lib.remove()
})

describe('the media route', () => {
  it('builds and reads back an image URL with spaces and non-ASCII names', () => {
    const url = mediaUrl('abc-1', 'Allotments_files/plot 1 ü.png')
    expect(url).toBe('/media/abc-1/Allotments_files/plot%201%20%C3%BC.png')
    expect(isMediaPath(url)).toBe(true)
    expect(parseMediaPath(url)).toEqual({ articleId: 'abc-1', relativePath: 'Allotments_files/plot 1 ü.png' })
  })

  it('serves an image stored beside the article, with its type', async () => {
    const article = await library.get(id)
    expect(article?.html).toContain('data-local-src="Allotments_files/plot 1.png"')
    const answer = await readMedia(library, mediaUrl(id, 'Allotments_files/plot 1.png'))
    expect(answer.status).toBe(200)
    expect(answer.type).toBe('image/png')
    expect(Buffer.from(answer.body)).toEqual(PNG)
  })

  it.each([
    ['an unknown article', () => mediaUrl('0000000000000000', 'Allotments_files/plot 1.png')],
    ['a file that is not an image', () => mediaUrl(id, 'Allotments_files/notes.txt')],
    ['a hidden file', () => mediaUrl(id, 'Allotments_files/.hidden.png')],
    ['a climb out of the article’s folder', () => mediaUrl(id, '../secret.png')],
    ['an encoded climb', () => `/media/${id}/%2e%2e/secret.png`],
    ['an encoded separator', () => `/media/${id}/Allotments_files%2F..%2F..%2Fsecret.png`],
    ['the library’s own data', () => mediaUrl(id, '../.broadsheet/catalog.json')],
    ['a bad escape', () => `/media/${id}/%E0%A4%A.png`],
    ['no path', () => `/media/${id}`],
  ])('answers 404 for %s', async (_case, url) => {
    const answer = await readMedia(library, url())
    expect(answer).toEqual({ status: 404, body: 'Not found', type: 'text/plain; charset=utf-8' })
  })

  it('answers 404 while no library is open', async () => {
    expect((await readMedia(null, mediaUrl(id, 'Allotments_files/plot 1.png'))).status).toBe(404)
  })
})
