/**
 * Highlight anchoring benchmark: `npx tsx tests/bench/highlights-bench.ts [--chars 200000] [--highlights 50]`
 *
 * The HTML view finds each highlight of the article's text in the text it draws (other whitespace, soft hyphens),
 * every time the article or its highlights are drawn. This times that for one long synthetic article: all
 * highlights found as they stand, then with a word changed throughout (fuzzy search), and one selection mapped back.
 */
import { parseArgs } from 'node:util'
import { translateRange } from '../../renderer/lib/text-anchor'

const { values } = parseArgs({
  options: { chars: { type: 'string', default: '200000' }, highlights: { type: 'string', default: '50' } },
})
const chars = Number(values.chars)
const count = Number(values.highlights)

const WORDS =
  'harbour board crane quay spring winter ferry timetable council skipper parents office figures writing tolls ' +
  'dredging river budget vote island school hall boat seven earlier granite blocks survey divers market steps'
const vocabulary = WORDS.split(' ')
// A fixed pseudo-random sequence, so runs compare.
let seed = 42
const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
let text = ''
for (let i = 0; text.length < chars; i++)
  text += vocabulary[next() % vocabulary.length] + (i % 40 === 39 ? '.\n\n' : ' ')
// As the HTML view draws it: paragraph breaks as single line breaks, doubled spaces, a soft hyphen now and then.
const drawn = text.replace(/\n\n/g, '\n').replace(/ /g, '  ').replace(/tion/g, 'ti\u00adon')
const ranges: [number, number][] = Array.from({ length: count }, (_, k) => {
  const s = Math.floor((k + 0.5) * (text.length / count))
  return [s, s + 80]
})

function time(label: string, run: () => number): void {
  const start = performance.now()
  const found = run()
  console.log(`${label}: ${(performance.now() - start).toFixed(1)} ms (${found}/${count} found)`)
}

time(
  `${count} highlights onto ${text.length} drawn chars`,
  () => ranges.filter((r) => translateRange(text, r, drawn) !== null).length,
)
const edited = drawn.replace(/crane/g, 'cranes')
time(
  `${count} highlights, "crane" edited throughout (fuzzy where needed)`,
  () => ranges.filter((r) => translateRange(text, r, edited) !== null).length,
)
time('one selection of the drawn text back to the article text', () => {
  const [s, e] = ranges[Math.floor(count / 2)]!
  const from = drawn.indexOf(text.slice(s, s + 20).replace(/ /g, '  '))
  return translateRange(drawn, [from, from + (e - s)], text) ? count : 0
})
