import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs/promises'
import path from 'node:path'
import { expectNoAxeViolations, openReadingRoom, SCREENSHOT_DIR, type ReadingRoom } from './support'

/** One synthetic story, written for this test, saved twice with a one-word edit; plus an unrelated note. */
const STORY = (verb: string) =>
  [
    'Lighthouse on Varrow Point lit again after repairs',
    '',
    `The harbour trust said on Tuesday that the lighthouse on Varrow Point ${verb} shine again from Friday, after the lamp room was rebuilt over the summer by a crew of six.`,
    '',
    'Fishing boats have used a temporary beacon on the breakwater since May, which skippers said was hard to see in fog.',
  ].join('\n')
const OTHER = ['Allotment society elects a new chair', '', 'Members voted at the village hall on a wet evening.'].join(
  '\n',
)

describe('the Stories and Highlights views', () => {
  let room: ReadingRoom

  beforeAll(async () => {
    room = await openReadingRoom('story-view', {
      viewport: { width: 1366, height: 900 },
      seed: async (root) => {
        await fs.writeFile(path.join(root, 'lighthouse-a.txt'), STORY('will'))
        await fs.writeFile(path.join(root, 'lighthouse-b.txt'), STORY('should'))
        await fs.writeFile(path.join(root, 'allotment.txt'), OTHER)
      },
    })
  }, 180_000)
  afterAll(async () => room?.close())

  it('lists the story and, chosen by keyboard, searches only its articles', async () => {
    const { page } = room
    await page.getByRole('button', { name: 'Library' }).click()
    const browse = page.getByRole('region', { name: 'Browse' })
    const story = page.getByRole('button', { name: /Lighthouse on Varrow Point lit again after repairs 2 articles/ })
    // The stories core groups the seeded articles in the background: come back to the view until it has.
    for (let tries = 0; tries < 30 && !(await story.isVisible()); tries++) {
      await browse.getByRole('button', { name: 'Articles' }).click()
      await browse.getByRole('button', { name: 'Stories' }).click()
      await page.waitForTimeout(1000)
    }
    await story.waitFor({ timeout: 1_000 })
    await expectNoAxeViolations(page)
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'story-view.png') })
    await story.focus()
    await page.keyboard.press('Enter')
    const status = page.getByRole('status').filter({ hasText: 'Showing the story' })
    await status.waitFor({ timeout: 30_000 })
    expect(await status.textContent()).toContain('“Lighthouse on Varrow Point lit again after repairs” (2 articles)')
    await page.waitForFunction(() => document.querySelectorAll('#search-results .hit').length === 2, null, {
      timeout: 30_000,
    })
    expect(await page.locator('#search-results').textContent()).not.toContain('Allotment')
  }, 120_000)

  it('lists a highlight made over the API with its article, and opens the article from it', async () => {
    const { page } = room
    await page.getByRole('button', { name: 'Library' }).click()
    await page.getByRole('region', { name: 'Browse' }).getByRole('button', { name: 'Highlights' }).click()
    await page.getByText('No highlights yet').waitFor({ timeout: 30_000 })
    const made = await page.evaluate(async () => {
      const api = (window as unknown as { broadsheet: import('../../electron/shared/ipc-contract').BroadsheetApi })
        .broadsheet
      const list = await api.library.list()
      const row = list.ok ? list.value.find((r) => r.title.startsWith('Allotment')) : undefined
      if (!row) return false
      const added = await api.highlights.add(row.id, { range: [0, 9], note: 'ask the chair' })
      return added.ok
    })
    expect(made).toBe(true)
    await page.getByRole('region', { name: 'Browse' }).getByRole('button', { name: 'Articles' }).click()
    await page.getByRole('region', { name: 'Browse' }).getByRole('button', { name: 'Highlights' }).click()
    const entry = page.getByRole('article', { name: 'Highlight in Allotment society elects a new chair' })
    await entry.waitFor({ timeout: 30_000 })
    expect(await entry.textContent()).toContain('ask the chair')
    await expectNoAxeViolations(page)
    await entry.getByRole('button', { name: 'Allotment society elects a new chair' }).focus()
    await page.keyboard.press('Enter')
    await page
      .getByRole('heading', { name: 'Allotment society elects a new chair', level: 1 })
      .waitFor({ timeout: 30_000 })
  }, 120_000)
})
