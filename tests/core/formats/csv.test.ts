import { describe, expect, it } from 'vitest'
import { parseFile } from '../../../electron/core/formats/index'
import type { ParseOutcome } from '../../../electron/core/formats/types'

const bytes = (text: string) => new TextEncoder().encode(text)

function articlesOf(outcome: ParseOutcome) {
  if (!outcome.ok) throw new Error(outcome.reason)
  return outcome.articles.map(({ article }) => article)
}

const BODY_A = 'The harbour council voted on Tuesday to widen the northern quay for ferries.'
const BODY_B = 'A new bakery opened in the old station building, selling rye bread and pastries.'

describe('csv', () => {
  it('finds columns by the JSON field names in any order and case', async () => {
    const file = `URL,Headline,Body,Published,Byline,Publisher\nhttps://example.test/a,Quay widened,"${BODY_A}",2024-03-05,Ann Lee,Harbour Post\n`
    const [article] = articlesOf(await parseFile(bytes(file), 'news.csv'))
    expect(article!.title).toBe('Quay widened')
    expect(article!.text).toContain('northern quay')
    expect(article!.url).toBe('https://example.test/a')
    expect(article!.author).toBe('Ann Lee')
    expect(article!.site).toBe('Harbour Post')
    expect(article!.published).toContain('2024-03-05')
  })

  it('reads semicolons and quoted multi-line bodies, one article per row', async () => {
    const file = `title;text\nQuay;"${BODY_A}\n\nSecond paragraph; with a semicolon."\nBakery;"${BODY_B}"\n`
    const articles = articlesOf(await parseFile(bytes(file), 'news.csv'))
    expect(articles.map((a) => a.title)).toEqual(['Quay', 'Bakery'])
    expect(articles[0]!.text).toContain('Second paragraph; with a semicolon.')
  })

  it('reads tab-separated files', async () => {
    const file = `title\ttext\nBakery\t${BODY_B}\n`
    expect(articlesOf(await parseFile(bytes(file), 'news.tsv'))[0]!.title).toBe('Bakery')
  })

  it('reads a headerless label;text file, taking the long column as text and the label as category', async () => {
    const file = `Local;${BODY_A}\nCulture;${BODY_B}\n`
    const articles = articlesOf(await parseFile(bytes(file), 'train.csv'))
    expect(articles).toHaveLength(2)
    expect(articles[0]!.category).toBe('Local')
    expect(articles[1]!.text + articles[1]!.title).toContain('rye bread')
  })

  it("reads a headerless file quoted with single quotes (label;'text, with commas')", async () => {
    const file = `Local;'${BODY_A} Then, after "long" talks, it passed.'\nCulture;'${BODY_B}'\n`
    const articles = articlesOf(await parseFile(bytes(file), 'train.csv'))
    expect(articles.map((a) => a.category)).toEqual(['Local', 'Culture'])
    expect(articles[0]!.title + articles[0]!.text).not.toContain("'")
  })

  it('warns about a row without text, naming its line, and imports the rest', async () => {
    const file = `title,text\nQuay,"${BODY_A}"\nEmpty,\nBakery,"${BODY_B}"\n`
    const outcome = await parseFile(bytes(file), 'news.csv')
    expect(articlesOf(outcome)).toHaveLength(2)
    expect(outcome.ok && outcome.warnings).toEqual(['line 3: no text'])
  })

  it('fails with a reason when no row has text', async () => {
    const outcome = await parseFile(bytes('title,text\nOnly a title,\n'), 'news.csv')
    expect(outcome.ok).toBe(false)
    expect(!outcome.ok && outcome.reason).toContain('line 2: no text')
  })
})
