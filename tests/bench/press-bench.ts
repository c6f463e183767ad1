/**
 * Press-export rates: `npx tsx tests/bench/press-bench.ts [DOCUMENTS]`.
 *
 * Articles/s for synthetic exports of DOCUMENTS documents (default 500, about 400 words each) in every press layout,
 * beside the txt rate per article on the same texts (the issue asks containers for the txt rate per article), and
 * what the press check costs every other `.txt` and `.html` import (a 200 KB text or page that is no export).
 * Parsing only (parseFile in this thread): the import's read, hash and copy are the same for every format.
 */
import { parseFile } from '../../electron/core/formats/index'
import { readPressHtml, readPressText } from '../../electron/core/formats/press'
import { makeDocx } from '../helpers/docx-writer'
import { paragraph, paragraphs } from './measure'

/** A paragraph wrapped at 76 columns, as LexisNexis TXT writes it. */
function wrap(text: string): string {
  return text.replace(/(.{1,76})(?:\s+|$)/g, '$1\n').trim()
}

const date = (i: number) => `March ${(i % 28) + 1}, 2024 Tuesday`

function lexisTxt(n: number): string {
  return Array.from(
    { length: n },
    (_, i) =>
      `                               ${i + 1} of ${n} DOCUMENTS\n\n                              Harbour Weekly\n\n` +
      `                            ${date(i)}\n\nStory ${i} about the harbour\n\nBYLINE: Clara Fenwick\n\n` +
      `LENGTH: 400 words\n\n${paragraphs(i).map(wrap).join('\n\n')}\n\nLOAD-DATE: ${date(i)}\n\nLANGUAGE: ENGLISH\n\n` +
      `                    Copyright 2024 Harbour Weekly\n                              All Rights Reserved\n`,
  ).join('\n')
}

function nexisUniLines(n: number): string[] {
  return Array.from({ length: n }, (_, i) => [
    `Story ${i} about the harbour`,
    'Harbour Weekly',
    `${date(i)} 9:20 AM GMT`,
    'Section: LOCAL',
    'Length: 400 words',
    'Byline: Clara Fenwick',
    'Body',
    ...paragraphs(i),
    'Load-Date: March 9, 2024',
    'End of Document',
  ]).flat()
}

function lexisHtml(n: number): string {
  const docs = Array.from(
    { length: n },
    (_, i) =>
      `<!-- Hide XML section from browser\n<DOC NUMBER=${i + 1}>\n<DOCFULL> -->` +
      `<BR><DIV CLASS="c0"><P CLASS="c1"><SPAN>${i + 1} of ${n} DOCUMENTS</SPAN></P></DIV>` +
      `<BR><DIV CLASS="c3"><P CLASS="c1"><SPAN>Harbour Weekly</SPAN></P></DIV>` +
      `<BR><DIV CLASS="c3"><P CLASS="c1"><SPAN>${date(i)}</SPAN></P></DIV>` +
      `<BR><DIV CLASS="c5"><P CLASS="c6"><SPAN>Story ${i} about the harbour</SPAN></P></DIV>` +
      `<BR><DIV CLASS="c5"><P CLASS="c6"><SPAN>LENGTH: </SPAN><SPAN>400 words</SPAN></P></DIV>` +
      `<BR><DIV CLASS="c5">${paragraphs(i)
        .map((p) => `<P CLASS="c9"><SPAN>${p}</SPAN></P>`)
        .join('')}</DIV>` +
      `<BR><DIV CLASS="c5"><P CLASS="c6"><SPAN>LANGUAGE: </SPAN><SPAN>ENGLISH</SPAN></P></DIV>` +
      `<!-- Hide XML section from browser\n</DOCFULL>\n</DOC> -->`,
  )
  return `<HTML><HEAD><!-- LXNComment 1:2 --></HEAD><BODY>${docs.join('\n')}</BODY></HTML>`
}

function factivaHtml(n: number): string {
  const row = (code: string, value: string) => `<tr><td class="index"><b>${code}</b>&nbsp;</td><td>${value}</td></tr>`
  const docs = Array.from(
    { length: n },
    (_, i) =>
      `<div class="article enArticle"><table>${row('HD', `Story ${i} about the harbour`)}${row('PD', `${(i % 28) + 1} March 2024`)}` +
      `${row('SN', 'Harbour Weekly')}${row('LA', 'English')}` +
      `${row(
        'TD',
        paragraphs(i)
          .map((p) => `<p class="articleParagraph">${p}</p>`)
          .join(''),
      )}</table></div>`,
  )
  return `<html><head><title>Factiva</title></head><body>${docs.join('\n')}</body></html>`
}

function factivaXml(n: number): string {
  const docs = Array.from(
    { length: n },
    (_, i) =>
      `<ppsarticle><article><baseLanguage>EN</baseLanguage><headline><paragraph>Story ${i} about the harbour</paragraph></headline>` +
      `<tailParagraphs>${paragraphs(i)
        .map((p) => `<paragraph>${p}</paragraph>`)
        .join(
          '',
        )}</tailParagraphs><publicationDate><date>2024-03-${String((i % 28) + 1).padStart(2, '0')}</date></publicationDate>` +
      `<sourceName>Harbour Weekly</sourceName></article></ppsarticle>`,
  )
  return `<?xml version="1.0" encoding="utf-8"?><PPSResponse>${docs.join('\n')}</PPSResponse>`
}

function europresse(n: number): string {
  const docs = Array.from(
    { length: n },
    (_, i) =>
      `<table><tr><td><span class="DocPublicationName">Harbour Weekly</span><br><span class="DocHeader">mardi ${(i % 28) + 1} mars 2024</span>` +
      `<br><br><span class="TitreArticleVisu">Story ${i} about the harbour</span><br><br>${paragraphs(i).join('<p></p>')}` +
      `<p></p><b><i>© 2024 Harbour Weekly.</i></b></td></tr></table>`,
  )
  return `<html><body>${docs.join('\n<p><br><br>')}</body></html>`
}

/** Parses `bytes` as `name` `rounds` times; returns articles/s and the article count. */
async function rate(bytes: Uint8Array, name: string, rounds = 3): Promise<{ perSecond: number; articles: number }> {
  let articles = 0
  const start = performance.now()
  for (let r = 0; r < rounds; r++) {
    const outcome = await parseFile(bytes, name, { maxBytes: 512 * 1024 * 1024 })
    if (!outcome.ok) throw new Error(`press-bench: ${name}: ${outcome.reason}`)
    articles = outcome.articles.length
  }
  const seconds = (performance.now() - start) / 1000
  return { perSecond: (articles * rounds) / seconds, articles }
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 500)
  const encode = (text: string) => new TextEncoder().encode(text)
  const cases: [string, string, Uint8Array][] = [
    ['LexisNexis TXT', 'export.txt', encode(lexisTxt(n))],
    ['Nexis Uni TXT', 'export.txt', encode(nexisUniLines(n).join('\n\n'))],
    ['Nexis Uni DOCX', 'export.docx', await makeDocx(nexisUniLines(n))],
    ['LexisNexis HTML', 'export.html', encode(lexisHtml(n))],
    ['Factiva HTML', 'export.html', encode(factivaHtml(n))],
    ['Factiva XML', 'export.xml', encode(factivaXml(n))],
    ['Europresse HTML', 'export.html', encode(europresse(n))],
  ]
  console.log(`press exports, ${n} documents of about 400 words each (parse only)`)
  console.log('layout              KB   articles  articles/s')
  for (const [label, name, bytes] of cases) {
    const { perSecond, articles } = await rate(bytes, name)
    console.log(
      `${label.padEnd(16)} ${(bytes.length / 1024).toFixed(0).padStart(5)} ${String(articles).padStart(10)} ${perSecond.toFixed(0).padStart(11)}`,
    )
  }
  // The txt rate on the same texts, one file per article.
  const texts = Array.from({ length: 200 }, (_, i) =>
    encode(`Story ${i} about the harbour\n\n${paragraphs(i).join('\n\n')}\n`),
  )
  const start = performance.now()
  for (const text of texts) await parseFile(text, 'story.txt')
  console.log(
    `txt (one article a file)            ${(texts.length / ((performance.now() - start) / 1000)).toFixed(0).padStart(11)}`,
  )
  // What the press check costs a file that is no export.
  const plain = `Harbour news\n\n${Array.from({ length: 500 }, (_, i) => paragraph(60, i)).join('\n\n')}\n`
  const page = `<html><head><title>Harbour news</title></head><body><article>${Array.from({ length: 500 }, (_, i) => `<p>${paragraph(60, i)}</p>`).join('')}</article></body></html>`
  for (const [label, check, text] of [
    ['readPressText', readPressText, plain],
    ['readPressHtml', readPressHtml, page],
  ] as const) {
    const t = performance.now()
    for (let r = 0; r < 100; r++) if (check(text) !== null) throw new Error(`press-bench: ${label} took a plain file`)
    console.log(
      `${label} on a ${(text.length / 1024).toFixed(0)} KB non-export: ${((performance.now() - t) / 100).toFixed(3)} ms`,
    )
  }
}

await main()
