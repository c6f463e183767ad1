import { describe, expect, it } from 'vitest'
import { batchesUnder, wireReplacer, wireSizeOf } from '../../electron/web/wire'

const file = (name: string, size: number) => ({ kind: 'bytes' as const, name, bytes: new Uint8Array(size).fill(65) })

describe('batchesUnder', () => {
  it('keeps every body under the limit, in order, without losing a file', () => {
    const sources = Array.from({ length: 25 }, (_, i) => file(`notes/${i}.txt`, 1000 + i * 97))
    const batches = batchesUnder(sources, 8000)
    expect(batches.length).toBeGreaterThan(1)
    expect(batches.flat()).toEqual(sources)
    for (const batch of batches) {
      expect(Buffer.byteLength(JSON.stringify([batch], wireReplacer))).toBeLessThanOrEqual(8000)
    }
  })

  it('sends a file larger than the limit alone', () => {
    const big = file('big.txt', 10_000)
    expect(batchesUnder([file('a.txt', 10), big, file('b.txt', 10)], 5000)).toEqual([
      [file('a.txt', 10)],
      [big],
      [file('b.txt', 10)],
    ])
  })

  it('never underestimates a body', () => {
    for (const size of [0, 1, 2, 3, 1000, 65_537]) {
      const source = file('ü'.repeat(20) + '.txt', size)
      expect(wireSizeOf(source)).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(source, wireReplacer)))
    }
  })
})
