import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import type { ParseOutcome } from '../../../electron/core/formats/types'
import { safeParse } from '../../../electron/core/library/entry'
import { createParsePool } from '../../../electron/core/library/parse-pool'
import { sampleText } from '../../helpers/temp-library'

const bytes = (s: string) => new TextEncoder().encode(s)

/** A stand-in parser: hangs forever on files named hang*, and otherwise names the file in its title. */
const fakeParser = `
const { parentPort } = require('node:worker_threads')
parentPort.on('message', (r) => {
  if (r.fileName.startsWith('hang')) for (;;) {}
  const article = { title: 'parsed in a worker: ' + r.fileName }
  parentPort.postMessage({ id: r.id, outcome: { ok: true, articles: [{ index: 0, article }], warnings: [] } })
})`
const startFake = () => new Worker(fakeParser, { eval: true })
const titleOf = (o: ParseOutcome) => (o.ok ? o.articles[0]!.article.title : undefined)

describe('createParsePool', () => {
  it('parses in worker threads exactly as in the calling thread', async () => {
    const pool = createParsePool(2)
    try {
      expect(pool.threads).toBe(2)
      // Big enough to go to a worker rather than parse inline.
      const body = 'The harbour committee met again to weigh the dredging plan. '.repeat(1200)
      const inputs = Array.from({ length: 6 }, (_, i) => bytes(sampleText(`Story number ${i}`, `${body} Story ${i}.`)))
      const outcomes = await Promise.all(inputs.map((input, i) => pool.parse(input, `story-${i}.txt`, 1_000_000)))
      expect(outcomes).toEqual(
        await Promise.all(inputs.map((input, i) => safeParse(input, `story-${i}.txt`, 1_000_000))),
      )
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

  it('fails only the file whose parser hangs, with a reason, while other files go on', async () => {
    const pool = createParsePool(1, { timeoutMs: 300, startWorker: startFake })
    try {
      const [hung, fine, after] = await Promise.all([
        pool.parse(bytes('# x'), 'hang.md', 1_000_000),
        pool.parse(bytes('# y'), 'fine.md', 1_000_000),
        pool.parse(bytes('# z'), 'after.md', 1_000_000),
      ])
      expect(hung).toEqual({ ok: false, reason: expect.stringMatching(/took longer than .*may be malformed/) })
      expect(titleOf(fine)).toBe('parsed in a worker: fine.md')
      expect(titleOf(after)).toBe('parsed in a worker: after.md')
    } finally {
      await pool.close()
    }
  })

  it('parses a small file off the calling thread too', async () => {
    const pool = createParsePool(1, { startWorker: startFake })
    try {
      expect(titleOf(await pool.parse(bytes('# Small'), 'small.md', 1_000_000))).toBe('parsed in a worker: small.md')
    } finally {
      await pool.close()
    }
  })
})
