import { describe, expect, it } from 'vitest'
import { parseFile } from '../../../electron/core/formats/index'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('URL-only exports', () => {
  it('reads a Pocket CSV as saved links with tags, state and saved date, not articles', async () => {
    const file =
      'title,url,time_added,tags,status\nQuay,https://example.test/quay,1700000000,harbour|local,archive\nBakery,https://example.test/bakery,1700000100,,unread\n'
    const outcome = await parseFile(bytes(file), 'pocket.csv')
    expect(outcome.ok && outcome.articles).toEqual([])
    expect(outcome.ok && outcome.links).toEqual([
      {
        url: 'https://example.test/quay',
        title: 'Quay',
        tags: ['harbour', 'local'],
        read: true,
        archived: true,
        savedAt: new Date(1700000000 * 1000).toISOString(),
      },
      {
        url: 'https://example.test/bakery',
        title: 'Bakery',
        tags: [],
        read: false,
        archived: false,
        savedAt: new Date(1700000100 * 1000).toISOString(),
      },
    ])
  })

  it('reads an Instapaper CSV, its tags a JSON list', async () => {
    const file =
      'URL,Title,Selection,Folder,Timestamp,Tags\nhttps://example.test/q,Quay,,Archive,1700000000,"[""harbour""]"\n'
    const outcome = await parseFile(bytes(file), 'instapaper-export.csv')
    expect(outcome.ok && outcome.links?.[0]).toMatchObject({ tags: ['harbour'], archived: true })
  })

  it('reads an Instapaper CSV without a Timestamp column', async () => {
    const file =
      'URL,Title,Selection,Folder\nhttps://example.test/q,Quay,,Archive\nhttps://example.test/b,Bakery,,Unread\n'
    const outcome = await parseFile(bytes(file), 'instapaper-export.csv')
    expect(outcome.ok && outcome.links).toMatchObject([
      { url: 'https://example.test/q', archived: true, savedAt: null },
      { url: 'https://example.test/b', archived: false },
    ])
  })

  it("gives an Instapaper link its own folder's name as a tag", async () => {
    const file =
      'URL,Title,Selection,Folder\nhttps://example.test/q,Quay,,Harbour news\nhttps://example.test/s,Star,,Starred\nhttps://example.test/u,Unread,,Unread\n'
    const outcome = await parseFile(bytes(file), 'instapaper-export.csv')
    expect(outcome.ok && outcome.links?.map((link) => [link.url, link.tags, link.archived])).toEqual([
      ['https://example.test/q', ['Harbour news'], false],
      ['https://example.test/s', [], false],
      ['https://example.test/u', [], false],
    ])
  })
})
