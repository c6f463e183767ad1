/**
 * What the benches share: a median timing, and synthetic paragraphs for format benches.
 */

/** The median of `runs` timings of `fn`, in ms. */
export function medianMs(fn: () => void, runs = 7): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    times.push(performance.now() - t)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!
}

const WORDS =
  'the harbour authority said ferry crossings would run every half hour through the summer months while the quay is repaired'.split(
    ' ',
  )

/** A synthetic paragraph of `count` words, varied by `seed`. */
export function paragraph(count: number, seed: number): string {
  return Array.from({ length: count }, (_, i) => WORDS[(i * 7 + seed) % WORDS.length]).join(' ') + '.'
}

/** The paragraphs of synthetic document `i`: 10 of 40 words, each ending with its number. */
export function paragraphs(i: number): string[] {
  return Array.from({ length: 10 }, (_, p) => `${paragraph(40, i + p)} (${i}.${p})`)
}
