/**
 * Exporting from the reader in Chromium: the dialog, its progress and result, and the evidence folder on disk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expectNoAxeViolations, openReadingRoom, type ReadingRoom } from './support'

/** A synthetic article written for this test. */
const MILL_TXT = [
  'Mill Street bakery reopens after the flood',
  '',
  'The bakery on Mill Street opened again on Monday, four months after the river came through its ovens.',
  '',
  'The owners thanked the neighbours who carried sandbags and said the bread prices stay as they were.',
].join('\n')

describe('export in Chromium', () => {
  let room: ReadingRoom
  let page: Page

  beforeAll(async () => {
    room = await openReadingRoom('export', {
      seed: (root) => fs.writeFile(path.join(root, 'mill-street.txt'), MILL_TXT),
    })
    page = room.page
  })

  afterAll(async () => {
    await room?.close()
  })

  it('exports the open article as an evidence bundle with a manifest, and gives focus back', async () => {
    const list = page.getByRole('listbox', { name: 'Articles' })
    await list.getByText('Mill Street bakery reopens after the flood').click()
    const more = page.getByRole('toolbar', { name: 'Article actions' }).getByRole('button', { name: 'More' })
    await more.click()
    await page.getByRole('menu', { name: 'More article actions' }).getByRole('menuitem', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export' })
    await dialog.waitFor()
    await expectNoAxeViolations(page, '[role="dialog"]')
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    await dialog
      .getByRole('status')
      .getByText(/Exported 1 article, \d+ files to /)
      .waitFor()

    const manifest = await fs.readFile(path.join(room.exportsDir, 'export-1', 'MANIFEST.sha256'), 'utf8')
    expect(manifest).toMatch(/^[0-9a-f]{64} {2}articles\.jsonl$/m)

    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await more.evaluate((el) => el === document.activeElement)).toBe(true)
  })

  it('exports the list as it is filtered, from the list header', async () => {
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Export…', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Export' })
    await dialog.getByText('Exporting every article in the library (1 article).').waitFor()
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    await dialog
      .getByRole('status')
      .getByText(/Exported 1 article, \d+ files to /)
      .waitFor()
    const articles = await fs.readFile(path.join(room.exportsDir, 'export-2', 'articles.jsonl'), 'utf8')
    expect(articles).toContain('Mill Street bakery reopens after the flood')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  })
})
