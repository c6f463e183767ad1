/**
 * Highlights and notes in the reader, in Chromium, as a reader uses them: words selected with the mouse in the HTML
 * view and with the keyboard (caret browsing) in the plain-text view, a note and tags, the marks in both views,
 * the notes panel, and the notice about a damaged highlights file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs/promises'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { BroadsheetApi } from '../../electron/shared/ipc-contract'
import { startWebHarness, type WebHarness } from '../../electron/web/harness'
import { buildRenderer, CHROMIUM, CHROMIUM_ARGS, expectNoAxeViolations, SCREENSHOT_DIR, tempLibrary } from './support'

/** Synthetic articles written for this test. */
const QUAY_TXT = [
  'Quay wall repairs begin in March',
  '',
  'The harbour board approved the repair of the old quay wall on Tuesday evening.',
  '',
  'Divers found three cracked granite blocks near the fish market steps during the winter survey.',
  '',
  'Work is due to finish before the regatta, the board said, weather permitting.',
].join('\n')

const para = (i: number) =>
  `<p>Paragraph ${i} of the ferry report: the island council heard from skippers, parents and the ` +
  'harbour office, who each described the timetable from their side and asked for the figures in writing.</p>'

const FERRY_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Winter ferry timetable agreed</title>
<meta property="og:site_name" content="Island Courier"></head>
<body><article><h1>Winter ferry timetable agreed</h1>
<p>The island council agreed the <em>winter ferry</em> timetable after a long meeting in the school hall.</p>
${[1, 2, 3, 4, 5, 6].map(para).join('\n')}
<p>The first boat will now leave at seven, <strong>half an hour earlier</strong> than last year.</p>
</article></body></html>`

type Bridge = { broadsheet: BroadsheetApi }

describe('highlights and notes in the reader', () => {
  let root: string
  let removeLibrary: () => Promise<void>
  let harness: WebHarness
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    await fs.mkdir(SCREENSHOT_DIR, { recursive: true })
    const rendererDir = await buildRenderer('highlights')
    const library = await tempLibrary()
    root = library.root
    removeLibrary = library.remove
    await fs.writeFile(path.join(root, 'quay.txt'), QUAY_TXT)
    await fs.writeFile(path.join(root, 'ferry.html'), FERRY_HTML)
    // A highlights file left damaged (by a crash or a bad sync): set aside when the library opens.
    await fs.mkdir(path.join(root, '.broadsheet'), { recursive: true })
    await fs.writeFile(path.join(root, '.broadsheet', 'annotations.jsonl'), '{"type":"Annotation", trunc\n')
    harness = await startWebHarness({ library: root, port: 0, rendererDir })
    // Caret browsing (F7 in Chrome) lets the keyboard move a caret through the text and select with Shift.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--enable-caret-browsing'] })
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    await page.goto(harness.url)
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await harness?.close()
    await removeLibrary?.()
  })

  /** Opens an article from the list by keyboard: the list, its row, Enter. */
  async function openByKeyboard(title: string): Promise<void> {
    const list = page.getByRole('listbox', { name: 'Articles' })
    await list.getByRole('option', { name: new RegExp(title) }).waitFor({ timeout: 30_000 })
    await list.focus()
    await page.keyboard.press('Home')
    const selected = list.getByRole('option', { selected: true })
    for (let i = 0; i < 5 && !((await selected.textContent()) ?? '').includes(title); i++) {
      await page.keyboard.press('j')
    }
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: title, level: 1 }).waitFor({ timeout: 30_000 })
  }

  it('says which damaged highlights file was set aside, and where', async () => {
    const notice = page.getByRole('status').filter({ hasText: 'Highlights:' })
    await notice.waitFor({ timeout: 30_000 })
    const text = (await notice.textContent()) ?? ''
    expect(text).toContain('1 unreadable line')
    const aside = (await fs.readdir(path.join(root, '.broadsheet'))).find((f) =>
      f.startsWith('annotations.jsonl.corrupt-'),
    )
    expect(text).toContain(path.join(root, '.broadsheet', aside!))
  }, 60_000)

  it('highlights words selected by keyboard in the plain text, with a note and tags, and shows the note on the mark', async () => {
    await openByKeyboard('Quay wall repairs begin in March')
    // The body has the focus on opening; with caret browsing the caret goes down line by line and Shift+arrows select.
    const body = page.locator('article.scroll')
    await expect.poll(() => body.evaluate((el) => el === document.activeElement)).toBe(true)
    const caretLine = () => page.evaluate(() => document.getSelection()?.anchorNode?.textContent ?? '')
    for (let i = 0; i < 40 && !(await caretLine()).startsWith('Divers'); i++) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Home')
    for (let i = 0; i < 'Divers'.length; i++) await page.keyboard.press('Shift+ArrowRight')
    await page.keyboard.press('Control+Shift+ArrowRight')
    expect(await page.evaluate(() => String(document.getSelection()).trim())).toBe('Divers found')
    await page.keyboard.press('h')
    const dialog = page.getByRole('dialog', { name: 'New highlight' })
    await dialog.waitFor()
    expect(await dialog.locator('blockquote').textContent()).toBe('Divers found')
    await page.keyboard.type('check the survey report')
    await page.keyboard.press('Tab')
    await page.keyboard.type('survey quay')
    await page.keyboard.press('Enter')
    const mark = page.locator('mark.highlight[tabindex="0"]').first()
    await mark.waitFor()
    expect(await mark.textContent()).toBe('Divers found')
    expect(await mark.getAttribute('aria-description')).toContain('Note: check the survey report')
    // The new mark has the focus, and its note shows beside it.
    expect(await mark.evaluate((el) => el === document.activeElement)).toBe(true)
    const note = page.getByRole('dialog', { name: 'Highlight' })
    await note.waitFor()
    expect(await note.textContent()).toContain('check the survey report')
    await expectNoAxeViolations(page)
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'highlights-text.png') })
    const stored = await page.evaluate(async () => {
      const api = (window as unknown as Bridge).broadsheet
      const list = await api.highlights.list()
      return list.ok ? list.value.map((h) => ({ quote: h.quote, note: h.note, tags: h.tags })) : []
    })
    expect(stored).toEqual([{ quote: 'Divers found', note: 'check the survey report', tags: ['survey', 'quay'] }])
  }, 120_000)

  it('highlights words selected with the mouse in the HTML view, across formatting, and draws them in both views', async () => {
    await page.keyboard.press('Escape')
    await openByKeyboard('Winter ferry timetable agreed')
    const host = page.locator('[data-article-html]')
    await host.waitFor()
    // Drag from "winter" (inside <em>) to the end of "timetable".
    const words = await host.evaluate((el) => {
      const root = el.shadowRoot!
      const em = root.querySelector('em')!
      const text = em.parentElement!.lastChild as Text
      const start = document.createRange()
      start.setStart(em.firstChild!, 0)
      start.setEnd(em.firstChild!, 1)
      const end = document.createRange()
      const at = text.data.indexOf('timetable') + 'timetable'.length
      end.setStart(text, at - 1)
      end.setEnd(text, at)
      const a = start.getBoundingClientRect()
      const b = end.getBoundingClientRect()
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 }
    })
    await page.mouse.move(words.x1, words.y1)
    await page.mouse.down()
    await page.mouse.move(words.x2, words.y2, { steps: 5 })
    await page.mouse.up()
    const button = page.locator('button.float', { hasText: 'Highlight' })
    await button.waitFor()
    await button.click()
    const dialog = page.getByRole('dialog', { name: 'New highlight' })
    expect(await dialog.locator('blockquote').textContent()).toBe('winter ferry timetable')
    await expectNoAxeViolations(page)
    await dialog.getByRole('textbox', { name: 'Note' }).fill('earlier than last winter?')
    await dialog.getByRole('button', { name: 'Save highlight' }).click()
    await page.waitForFunction(() => {
      const root = document.querySelector('[data-article-html]')?.shadowRoot
      const marks = Array.from<Element>((root?.querySelectorAll('mark.highlight') ?? []) as ArrayLike<Element>)
      return marks.map((m) => m.textContent).join('') === 'winter ferry timetable'
    })
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'highlights-html.png') })
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Show plain text' }).click()
    const mark = page.locator('.body mark.highlight')
    await mark.first().waitFor()
    expect((await mark.allTextContents()).join('')).toBe('winter ferry timetable')
    // A mark at the bottom of the reader shows its note above it, inside the reader; nothing around it moves.
    await page.setViewportSize({ width: 1366, height: 520 })
    await mark.first().evaluate((el) => {
      const scroller = el.closest('article.scroll')!
      scroller.scrollTop += el.getBoundingClientRect().bottom - scroller.getBoundingClientRect().bottom + 4
    })
    await mark.first().focus()
    await page.keyboard.press('Enter')
    const note = page.getByRole('dialog', { name: 'Highlight' })
    await note.waitFor()
    await expect
      .poll(async () => {
        const [box, markBox] = [await note.boundingBox(), await mark.first().boundingBox()]
        return box !== null && markBox !== null && box.y + box.height <= markBox.y && box.y >= 0
      })
      .toBe(true)
    expect(await page.evaluate(() => document.querySelector('main.view')?.scrollTop)).toBe(0)
    await page.keyboard.press('Escape')
    await page.setViewportSize({ width: 1366, height: 768 })
  }, 120_000)

  it('lists the article’s highlights in the notes panel; a quote goes to its mark; notes are edited and deleted by keyboard', async () => {
    await page.getByRole('button', { name: /^Notes/ }).focus()
    await page.keyboard.press('Enter')
    const panel = page.getByRole('region', { name: 'Highlights and notes' })
    await panel.waitFor()
    await expectNoAxeViolations(page)
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'highlights-notes-panel.png') })
    await panel.getByRole('button', { name: /Go to: .winter ferry timetable/ }).focus()
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('winter ferry timetable')
    await panel.getByRole('button', { name: 'Edit' }).focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('seven, not half past')
    await page.keyboard.press('Control+Enter')
    await panel.getByText('seven, not half past').waitFor()
    await panel.getByRole('button', { name: 'Delete' }).focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Enter')
    await panel.getByText('No highlights in this article yet').waitFor()
    expect(await page.locator('.body mark.highlight').count()).toBe(0)
  }, 120_000)

  it('keeps the reader toolbar on one line at 1366 and 1024 px, its other actions in a More menu run by keyboard', async () => {
    const toolbar = page.getByRole('toolbar', { name: 'Article actions' })
    // One line: the controls span no more height than the tallest of them.
    const oneLine = () =>
      toolbar.evaluate((el) => {
        const boxes = Array.from<Element>(el.children as ArrayLike<Element>)
          .map((c) => c.getBoundingClientRect())
          .filter((b) => b.width > 0)
        const span = Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top))
        return span <= Math.max(...boxes.map((b) => b.height)) + 2
      })
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'highlights-toolbar-1366.png') })
    expect(await oneLine()).toBe(true)
    await page.setViewportSize({ width: 1024, height: 768 })
    // Narrower than 1280 the reader leaves the three panes once the app hears of the resize.
    await page.locator('.reader-pane:only-child').waitFor()
    expect(await oneLine()).toBe(true)
    const more = toolbar.getByRole('button', { name: 'More' })
    await more.focus()
    await page.keyboard.press('ArrowDown')
    const menu = page.getByRole('menu', { name: 'More article actions' })
    await menu.waitFor()
    await page.keyboard.press('End')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Move to trash')
    await page.keyboard.press('ArrowDown')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Mark unread')
    await menu.getByRole('menuitemradio', { name: 'BibTeX' }).focus()
    await page.keyboard.press('Enter')
    expect(await menu.getByRole('menuitemradio', { name: 'BibTeX' }).getAttribute('aria-checked')).toBe('true')
    expect(await menu.getByRole('group', { name: 'Citation format' }).count()).toBe(1)
    for (const name of ['Show file', 'Copy citation', 'Export…', 'Edit details']) {
      expect(await menu.getByRole('menuitem', { name }).count()).toBe(1)
    }
    await expectNoAxeViolations(page)
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'highlights-more-menu-1024.png') })
    await page.keyboard.press('Escape')
    expect(await more.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await menu.count()).toBe(0)
    await page.setViewportSize({ width: 1366, height: 768 })
  }, 120_000)

  it('lists a highlight whose words left the article as orphaned', async () => {
    await page.keyboard.press('Escape')
    await openByKeyboard('Quay wall repairs begin in March')
    await page.getByRole('button', { name: /^Notes/ }).click()
    const panel = page.getByRole('region', { name: 'Highlights and notes' })
    await panel.getByText('check the survey report').waitFor()
    await fs.writeFile(path.join(root, 'quay.txt'), QUAY_TXT.replace('Divers found three', 'A diver saw three'))
    await panel.getByText('Orphaned: could not be found in the current text').waitFor({ timeout: 30_000 })
    expect(await panel.locator('ol > li').count()).toBe(1)
    expect(await page.locator('mark.highlight').count()).toBe(0)
  }, 120_000)
})
