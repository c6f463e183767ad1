import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCaptured } from '../../helpers/run-cli'
import { makeTempDir, type TempDir } from '../../helpers/temp-library'

let lib: TempDir

const page = (title: string, site: string, published: string | null) =>
  `<html><head><title>${title}</title><meta property="og:site_name" content="${site}">` +
  (published ? `<meta property="article:published_time" content="${published}">` : '') +
  `</head><body><article><h1>${title}</h1><p>The tram council met to talk about the new tram line and its budget.</p></article></body></html>`

beforeEach(() => {
  lib = makeTempDir()
  lib.write('a1.html', page('Tram one', 'a.example', '2024-03-01T10:00:00Z'))
  lib.write('a2.html', page('Tram two', 'a.example', '2024-03-20T10:00:00Z'))
  lib.write('b1.html', page('Tram three', 'b.example', '2024-04-02T10:00:00Z'))
  lib.write('u1.html', page('Tram four', 'b.example', null))
  // A saved copy dated only by its capture: undated, as the search's date filter sees it.
  lib.write(
    'c1.html',
    `<!--\n Page saved with SingleFile \n url: https://b.example/tram \n saved date: Fri Sep 02 2016 08:00:00 GMT+0000 (UTC)\n-->\n` +
      page('Tram five', 'b.example', null),
  )
})

afterEach(() => lib.remove())

const cli = (args: string[]) => runCliCaptured(['--library', lib.root, ...args])

describe('timeline command', () => {
  it('counts hits per month and site, undated apart, matching the search totals per bin', async () => {
    const run = await cli(['timeline', 'tram', '--by', 'month', '--json'])
    expect(run.status).toBe(0)
    const t = JSON.parse(run.stdout)
    expect(t.undated).toBe(2)
    expect(t.bins).toHaveLength(2)
    for (const bin of t.bins) {
      const end = new Date(Date.UTC(Number(bin.start.slice(0, 4)), Number(bin.start.slice(5, 7)), 0))
      const s = JSON.parse(
        (
          await cli([
            'search',
            'tram',
            '--site',
            bin.site,
            '--from',
            bin.start,
            '--to',
            end.toISOString().slice(0, 10),
            '--json',
          ])
        ).stdout,
      )
      expect(s.total, `${bin.start} ${bin.site}`).toBe(bin.count)
    }
    const total = t.bins.reduce((n: number, b: { count: number }) => n + b.count, 0) + t.undated
    expect(total).toBe(JSON.parse((await cli(['search', 'tram', '--json'])).stdout).total)
  })

  it('refuses an unknown unit', async () => {
    const run = await cli(['timeline', 'tram', '--by', 'year'])
    expect(run.status).not.toBe(0)
    expect(run.stderr).toContain('--by must be')
  })
})
