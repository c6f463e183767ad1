import { describe, expect, it } from 'vitest'
import { invokeChannels, type InvokeChannel } from '../../../electron/shared/ipc-contract'
import { ARTICLE_FLAGS } from '../../../electron/shared/models'
import { dispatch } from '../../../electron/main/ipc/dispatch'
import { createHandlers } from '../../../electron/main/ipc/handlers'
import { fakeContext } from '../helpers/fake-context'

const bytes = new Uint8Array([104, 105])

/** For every channel: argument tuples that must be refused before any handler runs. */
const badArguments: Record<InvokeChannel, unknown[][]> = {
  'library:info': [['extra']],
  'library:list': [[1]],
  'library:choose': [['/etc']],
  'library:reveal': [['/etc']],
  'article:get': [[], [''], [42], [{}], ['x'.repeat(2000)], [null]],
  'article:set-state': [
    ['world/port.txt'],
    ['world/port.txt', { read: 'yes' }],
    ['world/port.txt', { read: true, path: '/etc/passwd' }],
    ['world/port.txt', null],
    ['', { read: true }],
  ],
  'article:reveal': [[], [''], [7], ['world/port.txt', '/etc/passwd']],
  'article:trash': [[], [''], [[]], ['world/port.txt', true]],
  'article:restore': [[], [''], ['../x'], [7], ['held-1', true]],
  'article:edit': [
    [],
    ['world/port.txt'],
    ['world/port.txt', { title: 'x'.repeat(1001) }],
    ['world/port.txt', { site: 'x'.repeat(501) }],
    ['world/port.txt', { published: 'last Tuesday' }],
    ['world/port.txt', { text: 'rewritten body' }],
    ['world/port.txt', { title: 7 }],
  ],
  'article:open-original': [[], [''], [1], ['world/port.txt', 'https://evil.example/']],
  'article:open-link': [
    [],
    ['world/port.txt'],
    ['world/port.txt', ''],
    ['world/port.txt', 7],
    ['', 'https://a.example/'],
  ],
  'import:files': [
    [],
    [[]],
    [[{ kind: 'path', path: '' }]],
    [[{ kind: 'path', path: '/home/reader/.secret/token.json' }]],
    [[{ kind: 'path', path: '/proc/self/cwd/package.json' }]],
    [[{ kind: 'dropped', token: '' }]],
    [[{ kind: 'dropped', path: '/downloads/a.txt' }]],
    [[{ kind: 'url', url: 'https://example.com/a.html' }]],
    [[{ kind: 'bytes', name: '../escape.txt', bytes }]],
    [[{ kind: 'bytes', name: '/etc/passwd', bytes }]],
    [[{ kind: 'bytes', name: 'a/..\\..\\b.txt', bytes }]],
    [[{ kind: 'bytes', name: 'a.txt', bytes: 'not bytes' }]],
    [[{ kind: 'dropped', token: 'a-token' }], '../outside'],
    [[{ kind: 'dropped', token: 'a-token' }], '.broadsheet'],
    [[{ kind: 'dropped', token: 'a-token' }], 42],
    ['/downloads/a.txt'],
  ],
  'import:dialog': [['../outside'], [5], ['world/.hidden']],
  'search:query': [
    [],
    [{}],
    [{ query: 5 }],
    [{ query: 'port', limit: 0 }],
    [{ query: 'port', limit: 1.5 }],
    [{ query: 'port', offset: -1 }],
    [{ query: 'port', flags: ['bogus'] }],
    [{ query: 'port', from: 'yesterday' }],
    [{ query: 'port', collection: '../up' }],
    [{ query: 'port', sort: 'random' }],
    [{ query: 'x'.repeat(3000) }],
    ['port'],
  ],
  'search:timeline': [[{ query: 'x' }], [{ query: 'x' }, 'year'], [{ query: 'x', story: '' }, 'day']],
  'article:similar': [[], [''], [7]],
  'article:diff': [[], ['a'], ['a', ''], ['a', 7]],
  'article:cite': [['a'], ['a', 'harvard'], ['', 'apa']],
  'stories:list': [[], [{ minSize: 0 }], [{ from: 'yesterday' }], [{ path: '/etc' }]],
  'highlights:list': [[], [''], [7]],
  'highlights:add': [
    ['a'],
    ['a', { range: [5, 5] }],
    ['a', { range: [-1, 4] }],
    ['a', { range: [0, 4], selector: 'x' }],
  ],
  'highlights:update': [['h'], ['h', { note: 7 }], ['h', { articleId: 'b' }]],
  'highlights:remove': [[], ['']],
  'saved:list': [['x']],
  'saved:add': [['name'], ['', { query: 'x' }], ['   ', { query: 'x' }], ['name', { query: 7 }]],
  'saved:open': [[], ['']],
  'saved:remove': [[], [7]],
  'export:run': [
    [],
    [{ selection: { kind: 'ids', ids: [] }, format: 'evidence', zip: false }],
    [{ selection: { kind: 'ids', ids: ['a'] }, format: 'pdf', zip: false }],
    [{ selection: { kind: 'ids', ids: ['a'] }, format: 'csv', zip: false, to: '/etc' }],
  ],
  'settings:get': [[true]],
  'settings:set': [[{ theme: 'neon' }], [{ fontSize: 100 }], [{ fontSize: '12' }], [{ unknown: 1 }], [null], []],
}

/** For every channel: one valid argument tuple, to show the refusals above are about the arguments. */
const goodArguments: Record<InvokeChannel, unknown[]> = {
  'library:info': [],
  'library:list': [],
  'library:choose': [],
  'library:reveal': [],
  'article:get': ['world/port.txt'],
  'article:set-state': ['world/port.txt', { read: true }],
  'article:reveal': ['world/port.txt'],
  'article:trash': ['world/port.txt'],
  'article:restore': ['held-1'],
  'article:edit': ['world/port.txt', { title: 'Corrected', published: '2024-05-01', author: null }],
  'article:open-original': ['world/port.txt'],
  'article:open-link': ['world/port.txt', 'https://example.org/port'],
  'search:timeline': [{ query: 'harbour' }, 'week'],
  'article:similar': ['world/port.txt'],
  'article:diff': ['world/port.txt', 'world/port-2.txt'],
  'article:cite': ['world/port.txt', 'bibtex'],
  'stories:list': [{ from: '2024-01-01', minSize: 2 }],
  'highlights:list': [null],
  'highlights:add': ['world/port.txt', { range: [0, 12], note: 'why it matters', tags: ['check'] }],
  'highlights:update': ['urn:uuid:1', { note: 'changed' }],
  'highlights:remove': ['urn:uuid:1'],
  'saved:list': [],
  'saved:add': ['Harbour', { query: 'harbour', site: 'Port News' }],
  'saved:open': ['Harbour'],
  'saved:remove': ['Harbour'],
  'export:run': [{ selection: { kind: 'saved', name: 'Harbour' }, format: 'evidence', zip: true }],
  'import:files': [
    [
      { kind: 'dropped', token: 'a-token' },
      { kind: 'bytes', name: 'notes/b.txt', bytes },
    ],
    'world',
  ],
  'import:dialog': ['world'],
  'search:query': [{ query: 'port', flags: ['opinion'], from: '2024-01-01', limit: 20 }],
  'settings:get': [],
  'settings:set': [{ theme: 'dark', fontSize: 18 }],
}

const cases = Object.entries(badArguments).flatMap(([channel, tuples]) =>
  tuples.map((args) => ({ channel, args, label: `${channel} ${JSON.stringify(args).slice(0, 80)}` })),
)

describe('dispatch', () => {
  it('has refusal cases for every channel of the contract', () => {
    expect(Object.keys(badArguments).sort()).toEqual(Object.keys(invokeChannels).sort())
    expect(Object.keys(goodArguments).sort()).toEqual(Object.keys(invokeChannels).sort())
  })

  it.each(cases)('refuses $label with invalid-argument before the core sees it', async ({ channel, args }) => {
    const fake = fakeContext()
    const result = await dispatch(createHandlers(fake.ctx), channel, args)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(fake.calls()).toEqual([])
  })

  it.each(Object.keys(goodArguments) as InvokeChannel[])(
    'passes valid arguments of %s to its handler',
    async (channel) => {
      const fake = fakeContext()
      const result = await dispatch(createHandlers(fake.ctx), channel, goodArguments[channel])
      expect(result.ok).toBe(true)
      expect(fake.calls().length).toBeGreaterThan(0)
    },
  )

  it('filters search by every flag an article can carry, and no other', async () => {
    const fake = fakeContext()
    const handlers = createHandlers(fake.ctx)
    for (const flag of ARTICLE_FLAGS) {
      expect(
        await dispatch(handlers, 'search:query', [{ query: 'port', flags: [flag], notFlags: [flag] }]),
      ).toMatchObject({
        ok: true,
      })
    }
    expect(await dispatch(handlers, 'search:query', [{ query: 'port', flags: ['paid'] }])).toMatchObject({ ok: false })
  })

  it('refuses a channel that is not in the contract', async () => {
    const fake = fakeContext()
    const result = await dispatch(createHandlers(fake.ctx), 'shell:exec', ['rm -rf /'])
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(fake.calls()).toEqual([])
  })

  it('turns a handler that throws into an internal error value', async () => {
    const fake = fakeContext()
    fake.library.list.mockImplementation(() => {
      throw new Error('disk on fire')
    })
    const result = await dispatch(createHandlers(fake.ctx), 'library:list', [])
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('disk on fire') },
    })
  })
})
