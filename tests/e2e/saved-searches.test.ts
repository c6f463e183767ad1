/**
 * The researcher's selections in Chromium: read-later tags in the list and the banner, the library root as a
 * collection, a saved search opened with its new matches first, and exports of a saved search and of a story.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { openLibrary } from '../../electron/core/library/library'
import { expectNoAxeViolations, openReadingRoom, SCREENSHOT_DIR, type ReadingRoom } from './support'

/** A Wallabag v2 export written for this test: one tagged entry saved on 3 May 2024, one archived. */
const WALLABAG = JSON.stringify([
  {
    id: 1,
    title: 'Tram depot gets a solar roof',
    url: 'https://tram.example/depot',
    content:
      '<p>The tram depot on Quarry Lane will be covered with solar panels by the autumn, the transport office said.</p><p>The roof is expected to cover a fifth of the depot’s own use.</p>',
    is_archived: false,
    is_starred: false,
    created_at: '2024-05-03T09:00:00+00:00',
    tags: ['climate', 'eu'],
    language: 'en',
  },
  {
    id: 2,
    title: 'Night market moves to the old quay',
    url: 'https://market.example/quay',
    content: '<p>The Thursday night market moves to the old quay in June, with twice the number of stalls.</p>',
    is_archived: true,
    is_starred: false,
    created_at: '2024-04-20T18:00:00+00:00',
    tags: [],
    language: 'en',
  },
])

/** Synthetic articles, one story told by three sites, plus a loose note at the root. */
const BRIDGE = (site: string, extra: string) =>
  JSON.stringify({
    title: `Harbour bridge reopens after repairs`,
    site,
    url: `https://${site}/bridge`,
    date: '2024-05-04',
    text:
      'The harbour bridge in Velmora reopened on Monday after eighteen months of repairs, the city transport office ' +
      'said. Engineers replaced the steel cables and the deck, and the first trams crossed at noon. The mayor ' +
      `thanked residents for their patience during the long closure. ${extra}`,
  })
const NOTE = 'Ferry timetable notes\n\nThe winter ferry leaves the harbour at seven and at noon.\n'
const LATE = 'Harbour pilots ask for a new boat\n\nThe harbour pilots asked the council on Tuesday for a faster boat.\n'

describe('selections in Chromium', () => {
  let room: ReadingRoom
  let page: Page

  beforeAll(async () => {
    room = await openReadingRoom('saved-searches', {
      viewport: { width: 1366, height: 768 },
      seed: async (root) => {
        await fs.mkdir(path.join(root, 'bridge'))
        await fs.writeFile(path.join(root, 'bridge', 'one.json'), BRIDGE('one.example', 'Shops welcomed the news.'))
        await fs.writeFile(path.join(root, 'bridge', 'two.json'), BRIDGE('two.example', 'Cyclists get a lane.'))
        await fs.writeFile(path.join(root, 'bridge', 'three.json'), BRIDGE('three.example', 'Taxis return too.'))
        await fs.writeFile(path.join(root, 'ferry-notes.txt'), NOTE)
        // A read-later export is applied when it is imported, as a user imports it.
        const source = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-e2e-wallabag-'))
        await fs.writeFile(path.join(source, 'wallabag.json'), WALLABAG)
        const core = await openLibrary(root)
        await core.import([{ kind: 'path', path: path.join(source, 'wallabag.json') }])
        await core.close()
        await fs.rm(source, { recursive: true, force: true })
      },
    })
    page = room.page
    await page.getByRole('listbox', { name: 'Articles' }).waitFor()
  }, 180_000)

  afterAll(async () => {
    await room?.close()
  })

  it('shows read-later tags and archived state in the row and the saved date in the banner', async () => {
    const list = page.getByRole('listbox', { name: 'Articles' })
    const tagged = list.getByRole('option', { name: /Tram depot gets a solar roof.*Tags: ?climate, eu/ })
    await tagged.waitFor()
    await list.getByRole('option', { name: /Night market moves to the old quay.*Archived/ }).waitFor()
    await expectNoAxeViolations(page, '#article-list')
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'saved-searches-tags.png') })

    await tagged.click()
    const banner = page.getByRole('note', { name: 'Disclaimer and provenance' })
    await banner.getByText('Saved to read later on 3 May 2024 · tags: climate, eu').waitFor()
    await page.keyboard.press('Escape')
  }, 60_000)

  it('lists the files at the library root as a collection that filters to them', async () => {
    const collections = page.getByRole('group', { name: 'Collections' })
    const root = collections.getByRole('button', { name: /^Library root/ })
    await root.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Library root' }).waitFor()
    const titles = await page.getByRole('listbox', { name: 'Articles' }).getByRole('option').allTextContents()
    expect(titles.some((t) => t.includes('Ferry timetable notes'))).toBe(true)
    expect(titles.some((t) => t.includes('Harbour bridge'))).toBe(false)
    await page.keyboard.press('Enter')
    await page.keyboard.press('Escape')
    await root.focus()
    await page.keyboard.press('Enter')
  }, 60_000)

  it('opens a saved search with its filters and its new matches first, each called New', async () => {
    await page.keyboard.press('/')
    await page.keyboard.type('harbour')
    await page.locator('#search-results .hit').first().waitFor()
    const filters = page.getByRole('navigation', { name: 'Search filters' })
    await filters.getByRole('button', { name: /^English/ }).click()
    const form = page.getByRole('form', { name: 'Save search' })
    await form.getByRole('textbox', { name: 'Name' }).fill('Harbour news')
    await form.getByRole('textbox', { name: 'Name' }).press('Enter')
    await form.getByText('Saved “Harbour news”').waitFor()

    // A new matching file arrives in the watched library folder.
    await fs.writeFile(path.join(room.root, 'pilots.txt'), LATE)
    await page.getByRole('button', { name: 'Library', exact: true }).click()
    const saved = page.getByRole('region', { name: 'Saved searches' }).getByRole('button', { name: /^Harbour news/ })
    await saved.filter({ hasText: '1 new' }).waitFor({ timeout: 30_000 })
    await saved.focus()
    await page.keyboard.press('Enter')

    const fresh = page.getByRole('region', { name: '1 new match since “Harbour news” was last opened' })
    await fresh.waitFor()
    expect(await fresh.getByRole('button').allTextContents()).toEqual([
      expect.stringContaining('Harbour pilots ask for a new boat'),
    ])
    await page.getByRole('list', { name: 'Filters in force' }).getByText('English').waitFor()
    await page.getByText(/\d+ results, 1 new/).waitFor()
    await page
      .getByRole('list', { name: 'Results' })
      .getByRole('button', { name: /^New Harbour pilots ask for a new boat/ })
      .waitFor()
    await expectNoAxeViolations(page, '.results')
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'saved-searches-new.png') })
  }, 90_000)

  it('exports a saved search from its menu and a story from the Stories view, by keyboard', async () => {
    await page.getByRole('button', { name: 'Library', exact: true }).click()
    const more = page.getByRole('button', { name: 'More for “Harbour news”' })
    await more.focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Export' })
    await dialog.getByText(/Exporting the saved search “Harbour news” \(\d+ matches\)\./).waitFor()
    await dialog.getByRole('button', { name: 'Export', exact: true }).focus()
    await page.keyboard.press('Enter')
    await dialog.getByText(/Exported \d+ articles, \d+ files to /).waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await more.evaluate((el) => el === document.activeElement)).toBe(true)
    const manifest = await fs.readFile(path.join(room.exportsDir, 'export-1', 'MANIFEST.sha256'), 'utf8')
    expect(manifest).toContain('originals/pilots.txt')

    const browse = page.getByRole('region', { name: 'Browse' })
    const exportStory = page.getByRole('button', { name: 'Export story “Harbour bridge reopens after repairs”…' })
    // The stories core groups the articles in the background: come back to the view until it has.
    for (let tries = 0; tries < 30 && !(await exportStory.isVisible()); tries++) {
      await browse.getByRole('button', { name: 'Articles' }).click()
      await browse.getByRole('button', { name: 'Stories' }).click()
      await page.waitForTimeout(1000)
    }
    await expectNoAxeViolations(page)
    await exportStory.focus()
    await page.keyboard.press('Enter')
    await dialog.getByText('Exporting the story “Harbour bridge reopens after repairs” (3 articles).').waitFor()
    await dialog.getByRole('radio', { name: /CSV/ }).check()
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    await dialog.getByText(/Exported 3 articles, \d+ files to /).waitFor()
    const csv = await fs.readFile(path.join(room.exportsDir, 'export-2', 'articles.csv'), 'utf8')
    expect(csv.match(/Harbour bridge reopens after repairs/g)).toHaveLength(3)
  }, 120_000)
})
