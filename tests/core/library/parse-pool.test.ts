import { describe, expect, it } from 'vitest'
import { safeParse } from '../../../electron/core/library/entry'
import { createParsePool } from '../../../electron/core/library/parse-pool'
import { sampleText } from '../../helpers/temp-library'

const bytes = (s: string) => new TextEncoder().encode(s)

describe('createParsePool', () => {
  it('parses in worker threads exactly as in the calling thread', async () => {
    const pool = createParsePool(2)
    try {
      expect(pool.threads).toBe(2)
      // Big enough to go to a worker rather than parse inline.
      const body = 'The harbour committee met again to weigh the dredging plan. '.repeat(1200)
      const inputs = Array.from({ length: 6 }, (_, i) => bytes(sampleText(`Story number ${i}`, `${body} Story ${i}.`)))
      const outcomes = await Promise.all(inputs.map((input, i) => pool.parse(input, `story-${i}.txt`, 1_000_000)))
      expect(outcomes).toEqual(inputs.map((input, i) => safeParse(input, `story-${i}.txt`, 1_000_000)))
      expect(outcomes.map((o) => o.ok && o.articles[0]!.article.title)).toEqual(
        inputs.map((_, i) => `Story number ${i}`),
      )
    } finally {
      await pool.close()
    }
  })

  it('gives a parser failure as a value, not a throw', async () => {
    const pool = createParsePool(1)
    try {
      const outcome = await pool.parse(new Uint8Array(100_000), 'zeros.txt', 1_000_000)
      expect(outcome.ok).toBe(false)
    } finally {
      await pool.close()
    }
  })

  it('parses in the calling thread with 0 threads, and after close', async () => {
    const inline = createParsePool(0)
    expect(inline.threads).toBe(0)
    expect((await inline.parse(bytes(sampleText('Inline')), 'a.txt', 1_000_000)).ok).toBe(true)
    const pool = createParsePool(1)
    await pool.close()
    expect((await pool.parse(bytes(sampleText('After close')), 'a.txt', 1_000_000)).ok).toBe(true)
  })
})
