import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs/promises'
import path from 'node:path'
import { expectNoAxeViolations, openReadingRoom, SCREENSHOT_DIR, type ReadingRoom } from './support'

/** One synthetic story, written for this test, saved twice with a one-word edit. */
const STORY = (verb: string) =>
  [
    'Ferry service to Tarnholm returns after the winter',
    '',
    `The ferry company said on Monday that the service to Tarnholm ${verb} resume in March after three months of repairs to the landing stage, and that the first crossing leaves at seven.`,
    '',
    'Islanders have relied on a smaller boat since December, which carried fewer than forty people a day and no vehicles at all.',
    '',
    'The harbour master thanked the crews who kept the smaller boat running through the storms of January.',
  ].join('\n')

describe('stories in the reading room', () => {
  let room: ReadingRoom

  beforeAll(async () => {
    room = await openReadingRoom('stories', {
      viewport: { width: 1366, height: 900 },
      seed: async (root) => {
        await fs.writeFile(path.join(root, 'ferry-a.txt'), STORY('will'))
        await fs.writeFile(path.join(root, 'ferry-b.txt'), STORY('may'))
      },
    })
  }, 180_000)
  afterAll(async () => room?.close())

  it('shows the other copy and compares the two by keyboard', async () => {
    const { page } = room
    await page.getByRole('button', { name: 'Library' }).click()
    await page.getByText('Ferry service to Tarnholm').first().click()
    await page.keyboard.press('Enter')
    const region = page.getByRole('region', { name: 'Other copies and versions' })
    await region.waitFor({ timeout: 30_000 })
    const compare = region.getByRole('button', { name: /Compare with/ }).first()
    await compare.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Compare versions' })
    await dialog.waitFor()
    expect(await dialog.locator('p.text ins, p.text del').count()).toBeGreaterThan(0)
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'stories-diff.png') })
    await expectNoAxeViolations(page)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await compare.evaluate((el) => el === document.activeElement)).toBe(true)
  }, 120_000)
})
