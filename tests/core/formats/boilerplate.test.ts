import { describe, expect, it } from 'vitest'
import { flagsFromWording, matchLine, stripBoilerplate } from '../../../electron/core/formats/boilerplate'

const BODY = [
  'The regional council approved the budget on Thursday after a four-hour debate.',
  '',
  'Opposition members said the plan cut too deeply into school repairs.',
]

describe('stripBoilerplate', () => {
  it('keeps a body without boilerplate whole', () => {
    expect(stripBoilerplate(BODY).lines).toEqual(BODY)
  })

  it('keeps a last paragraph that only mentions sharing and translation', () => {
    const body = [...BODY, '', 'The translated report will be shared on Facebook and Twitter, the council said.']
    const out = stripBoilerplate(body)
    expect(out.lines).toEqual(body)
    expect(out.flags).toEqual([])
  })

  it('keeps a last paragraph that starts like a copyright line', () => {
    const body = [...BODY, '', 'Copyright holders will be consulted before the law changes next year.']
    expect(stripBoilerplate(body).lines).toEqual(body)
  })

  it('keeps a short last line when nothing below it is boilerplate', () => {
    const body = [...BODY, '', 'Reporting by Anna Weiss']
    expect(stripBoilerplate(body).lines).toEqual(body)
  })

  it('removes a share row written on one line', () => {
    const out = stripBoilerplate([...BODY, '', 'Share this: Facebook | Twitter | WhatsApp | Email'])
    expect(out.lines.filter(Boolean)).toHaveLength(2)
  })

  it('takes a category label next to the trailing block', () => {
    const out = stripBoilerplate([...BODY, '', 'Europe', '', 'Back to top button'])
    expect(out.category).toBe('Europe')
    expect(out.lines.join('\n')).not.toContain('Europe')
  })

  it('keeps a list of short lines above a share row', () => {
    const body = ['You will need:', '2 eggs', '1 cup flour', 'Salt', '', 'Share this:', 'Facebook']
    const out = stripBoilerplate(body)
    expect(out.lines.filter(Boolean)).toEqual(['You will need:', '2 eggs', '1 cup flour', 'Salt'])
    expect(out.category).toBeNull()
  })

  it('does not take a short line as a category when no boilerplate follows', () => {
    const out = stripBoilerplate([...BODY, '', 'Anna Weiss'])
    expect(out.category).toBeNull()
    expect(out.lines).toContain('Anna Weiss')
  })

  it('removes related headlines only under a related heading', () => {
    const out = stripBoilerplate([
      ...BODY,
      '',
      'Read more',
      'Council delays bus lane vote',
      'Bridge opens to cyclists',
      '',
      'Share',
    ])
    expect(out.lines.filter(Boolean)).toHaveLength(2)
  })

  it('keeps headline-like lines that have no related heading above them', () => {
    const body = [
      ...BODY,
      '',
      'Council delays bus lane vote',
      'Bridge opens to cyclists',
      '',
      'Share this:',
      'Facebook',
    ]
    expect(stripBoilerplate(body).lines).toContain('Bridge opens to cyclists')
  })

  it.each(['Noticias Relacionadas', 'Lire aussi', 'Lesen Sie auch', 'مقالات ذات صلة'])(
    'knows the related-articles heading "%s"',
    (heading) => {
      const out = stripBoilerplate([...BODY, '', heading, 'Council delays bus lane vote'])
      expect(out.lines.filter(Boolean)).toEqual(BODY.filter(Boolean))
    },
  )

  it('removes a media label above the first paragraph', () => {
    expect(stripBoilerplate(['Photo', '', ...BODY]).lines.filter(Boolean)).toEqual(BODY.filter(Boolean))
  })

  it('quotes the disclaimers in source order', () => {
    const out = stripBoilerplate(['Sponsored content', '', ...BODY, '', "The views expressed are the author's own."])
    expect(out.disclaimers).toEqual(['Sponsored content', "The views expressed are the author's own."])
    expect(out.flags.sort()).toEqual(['opinion', 'sponsored'])
  })
})

describe('flagsFromWording', () => {
  it.each([
    ['This article was machine translated from German.', ['machine-translated']],
    ['Translated automatically by software; errors may remain.', ['machine-translated']],
    ['This story was generated automatically from a news agency feed.', ['machine-translated', 'auto-published']],
    ['Эта статья переведена автоматически.', ['machine-translated']],
    ['Материал переведён с помощью машинного перевода.', ['machine-translated']],
    ['Новость опубликована автоматически.', ['machine-translated', 'auto-published']],
    ['Sponsored content', ['sponsored']],
    ['Paid partnership with Northline Ferries', ['sponsored']],
    ['This article is sponsored by Northline Ferries.', ['sponsored']],
    ['Партнерский материал', ['sponsored']],
    ['Материал опубликован на правах рекламы.', ['sponsored']],
    ['Реклама', ['sponsored']],
    ['На правах реклами', ['sponsored']],
    ['Opinion', ['opinion']],
    ["The views expressed are the author's own.", ['opinion']],
    ['This column does not necessarily reflect the views of the editorial board.', ['opinion']],
    ['Мнение автора может не совпадать с позицией редакции.', ['opinion']],
    ['Точка зрения редакции может не совпадать с мнением автора.', ['opinion']],
    ['Думка автора може не збігатися з позицією редакції.', ['opinion']],
  ])('reads "%s"', (text, flags) => {
    expect(flagsFromWording(text).sort()).toEqual([...flags].sort())
  })

  it.each([
    ['Sponsored coverage', ['sponsored']],
    ['Sponsored coverage: this report was paid for by Eastbrook Builders Ltd.', ['sponsored']],
    ['Sponsored content: produced with a partner.', ['sponsored']],
    ['Paid partnership', ['sponsored']],
    ['Партнёрский материал', ['sponsored']],
    ['На правах рекламы', ['sponsored']],
    ['Machine translated', ['machine-translated']],
    ['This page was translated automatically.', ['machine-translated']],
    ['translated automatically', ['machine-translated']],
    ['Автоматический перевод', ['machine-translated']],
    ['Автоматический перевод с английского. Возможны неточности.', ['machine-translated']],
    ['Opinion', ['opinion']],
    ['Opinion: the writer chairs the Eastbrook walking club.', ['opinion']],
    ['Мнение автора может не совпадать с мнением редакции.', ['opinion']],
  ])('reads the common phrasing "%s" in a notice from any source', (text, flags) => {
    expect(flagsFromWording(text).sort()).toEqual([...flags].sort())
  })

  it('reads a long notice sentence by sentence', () => {
    const text = `${'The editors checked every figure in this report against the council minutes. '.repeat(10)}Machine translated from Dutch.`
    expect(flagsFromWording(text)).toEqual(['machine-translated'])
  })

  it('sets no flag for ordinary sentences', () => {
    for (const text of [
      'The minister advertised the post in May.',
      'He translated the letter himself.',
      'Opinion polls show a close race.',
    ]) {
      expect(flagsFromWording(text)).toEqual([])
    }
  })
})

describe('matchLine', () => {
  it('never matches a long paragraph', () => {
    expect(matchLine(`Sponsored content ${'word '.repeat(200)}`, 'end')).toBeNull()
  })
})

describe('trailing site furniture', () => {
  it.each([
    'Follow us on Telegram',
    'Subscribe to our newsletter.',
    'Подписывайтесь на наш Telegram-канал',
    'Підписуйтесь на наш канал',
    '© 2024 Harbour Weekly. All rights reserved.',
    'Все права защищены.',
    'Comments (3)',
    'Следующая статья: В городе открыли мост',
    'Print | Email | Send',
    'Continue reading the main story',
    '27 Apr 2020, 00:05 by',
  ])('removes "%s" from the end of a body', (line) => {
    const out = stripBoilerplate([...BODY, '', line])
    expect(out.lines.filter(Boolean)).toEqual(BODY.filter(Boolean))
    expect(out.disclaimers).toEqual([])
  })
})
