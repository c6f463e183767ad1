import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  buildSegment,
  decodeSegment,
  encodeSegment,
  findTerm,
  openSegmentFile,
  segmentRecords,
  SegmentFormatError,
  surfacesWithPrefix,
  verifySegmentFile,
} from '../../../electron/core/search/segment'
import { makeTempDir, type TempDir } from '../../helpers/temp-library'
import { sampleRecords } from './records'

let dir: TempDir | undefined

afterEach(() => dir?.remove())

describe('segment', () => {
  it('round-trips through its bytes and its file with the same records', async () => {
    const records = sampleRecords()
    const segment = buildSegment(records)
    const bytes = encodeSegment(segment)
    expect(segmentRecords(decodeSegment(bytes))).toEqual(records)
    dir = makeTempDir()
    const file = path.join(dir.root, 'shard-test.bin')
    fs.writeFileSync(file, bytes)
    const loaded = await openSegmentFile(file)
    expect(segmentRecords(loaded)).toEqual(records)
    expect([...loaded.terms]).toEqual([...segment.terms])
    expect(loaded.terms.withPrefix('мос')).toEqual(['мост'])
    expect(findTerm(loaded, 'мо')).toBe(-1)
    expect(findTerm(loaded, 'мост')).toBeGreaterThanOrEqual(0)
    // The written words survive the file, each with its stem.
    const bridges = surfacesWithPrefix(loaded, 'bridge').map((f) => [f.surface, loaded.terms.at(f.term)])
    expect(bridges).toEqual([
      ['bridge', 'bridg'],
      ['bridges', 'bridg'],
    ])
    loaded.texts.close()
  })

  it('rejects damaged bytes with a format error instead of reading them', () => {
    const bytes = encodeSegment(buildSegment(sampleRecords()))
    const damaged = [
      Buffer.from('not a shard at all'),
      bytes.subarray(0, bytes.length - 10),
      (() => {
        const b = Buffer.from(bytes)
        b[200] = b[200]! ^ 0xff
        return b
      })(),
      (() => {
        const b = Buffer.from(bytes)
        b[b.length - 5] = b[b.length - 5]! ^ 0xff
        return b
      })(),
      (() => {
        const b = Buffer.from(bytes)
        b.writeUInt32LE(999, 4)
        return b
      })(),
    ]
    for (const b of damaged) expect(() => decodeSegment(b)).toThrow(SegmentFormatError)
  })

  it('finds a damaged shard file by its checksums', async () => {
    dir = makeTempDir()
    const bytes = encodeSegment(buildSegment(sampleRecords()))
    const good = dir.write('shard-good.bin', bytes)
    const damaged = Buffer.from(bytes)
    damaged[damaged.length - 3] = damaged[damaged.length - 3]! ^ 0x55
    const bad = dir.write('shard-bad.bin', damaged)
    expect(await verifySegmentFile(good)).toBe(true)
    expect(await verifySegmentFile(bad)).toBe(false)
    expect(await verifySegmentFile(path.join(dir.root, 'missing.bin'))).toBe(false)
  })
})
