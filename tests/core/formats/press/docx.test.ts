import { describe, expect, it } from 'vitest'
import { parseFile } from '../../../../electron/core/formats/index'
import { makeDocx } from '../../../helpers/docx-writer'
import { makeZip } from '../../../fixtures/formats/warc/make-warc'

/** A Nexis Uni DOCX export: a cover page, then each document ending with "End of Document". */
const NEXIS_UNI_EXPORT = [
  'Date and Time: Tuesday, 12. March 2024 10:31:00 CET',
  'Job Number: 00000042',
  'Documents (2)',
  '1. Lighthouse keepers return for the summer',
  'Search Terms: lighthouse',
  '',
  'Lighthouse keepers return for the summer',
  'Coastal Chronicle',
  'June 3, 2024 Monday 8:15 AM GMT',
  'Copyright 2024 Coastal Chronicle Ltd. All Rights Reserved',
  'Section: REGION; Version:1',
  'Length: 45 words',
  'Byline: Isla Grant',
  'Body',
  'Two keepers will live at the old lighthouse on the point this summer, the trust that owns it said on Monday.',
  'Visitors may climb the tower on Saturdays from July, weather permitting.',
  'Classification',
  'Language: ENGLISH',
  'Load-Date: June 4, 2024',
  'End of Document',
  'Cliff path closed after a rock fall',
  'Coastal Chronicle',
  'June 5, 2024 Wednesday',
  'Length: 30 words',
  'Body',
  'The cliff path between the two coves is closed after a rock fall on Tuesday night; nobody was hurt, the council said.',
  'End of Document',
]

describe('press DOCX', () => {
  it('reads each document of a Nexis Uni DOCX export as an article with its source and date', async () => {
    const outcome = await parseFile(await makeDocx(NEXIS_UNI_EXPORT), 'export.docx')
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.warnings).toEqual([])
    expect(
      outcome.articles.map(({ index, article }) => [index, article.title, article.site, article.published]),
    ).toEqual([
      [0, 'Lighthouse keepers return for the summer', 'Coastal Chronicle', '2024-06-03T08:15:00.000Z'],
      [1, 'Cliff path closed after a rock fall', 'Coastal Chronicle', '2024-06-05'],
    ])
    const first = outcome.articles[0]!.article
    expect(first.author).toBe('Isla Grant')
    expect(first.category).toBe('REGION')
    expect(first.text).toBe(
      'Two keepers will live at the old lighthouse on the point this summer, the trust that owns it said on Monday.\n\n' +
        'Visitors may climb the tower on Saturdays from July, weather permitting.',
    )
  })

  it('names the document whose header cannot be read and imports the rest', async () => {
    const broken = NEXIS_UNI_EXPORT.filter((line) => line !== 'June 5, 2024 Wednesday')
    const outcome = await parseFile(await makeDocx(broken), 'export.docx')
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.warnings).toEqual(['document 2: no title/date found'])
    expect(outcome.articles.map((a) => a.article.title)).toEqual(['Lighthouse keepers return for the summer'])
  })

  it('refuses a DOCX that is not a LexisNexis export, saying so', async () => {
    const letter = await makeDocx(['Dear neighbours,', 'The street party is on Saturday.', 'End of term'])
    expect(await parseFile(letter, 'letter.docx')).toEqual({
      ok: false,
      reason: "DOCX is not a LexisNexis export: no 'End of Document' found",
    })
  })

  it('refuses a file that is not a ZIP, and a ZIP without a document, each with its reason', async () => {
    expect(await parseFile(new TextEncoder().encode('End of Document\nLength: 3 words'), 'fake.docx')).toEqual({
      ok: false,
      reason: 'not a DOCX file: not a ZIP archive',
    })
    const empty = await parseFile(await makeZip({ 'notes.txt': 'hello' }), 'empty.docx')
    expect(empty.ok).toBe(false)
    expect(!empty.ok && empty.reason).toMatch(/^not a readable DOCX: .+/)
  })
})
