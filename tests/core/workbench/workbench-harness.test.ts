import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KEY_HEADER, startWebHarness, type WebHarness } from '../../../electron/web/harness'
import { makeTempDir, makeTempLibrary, sampleText, type TempDir } from '../../helpers/temp-library'

let lib: TempDir
let renderer: TempDir
let harness: WebHarness

function ipc(channel: string, args: unknown[]): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: harness.port,
        path: `/ipc/${channel}`,
        method: 'POST',
        headers: {
          host: `127.0.0.1:${harness.port}`,
          [KEY_HEADER]: harness.secret,
          'content-type': 'application/json',
        },
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve(JSON.parse(body)))
      },
    )
    req.on('error', reject)
    req.end(JSON.stringify(args))
  })
}

beforeAll(async () => {
  lib = makeTempLibrary()
  renderer = makeTempDir()
  renderer.write('index.html', '<!doctype html><html><body></body></html>')
  lib.write('port/crane.txt', sampleText('Crane arrives', 'Workers said the new crane would double the quay capacity.'))
  harness = await startWebHarness({ library: lib.root, port: 0, rendererDir: renderer.root })
  // The harness reads the folder in the background; a rescan waits for it.
  await harness.library()!.rescan()
  await harness.search()!.ready()
})

afterAll(async () => {
  await harness?.close()
  lib?.remove()
  renderer?.remove()
})

describe('the workbench in the web harness', () => {
  it('adds and lists highlights, finds their notes in search, and keeps saved searches', async () => {
    const id = harness.library()!.list()[0]!.id
    const text = (await harness.library()!.get(id))!.text
    const start = text.indexOf('double the quay')
    const added = await ipc('highlights:add', [id, { range: [start, start + 15], note: 'ask for tonnage', tags: [] }])
    expect(added).toMatchObject({ ok: true, value: { quote: 'double the quay', status: 'exact' } })
    const listed = await ipc('highlights:list', [id])
    expect(listed).toMatchObject({ ok: true, value: [{ note: 'ask for tonnage' }] })
    const found = await ipc('search:query', [{ query: 'note:tonnage' }])
    expect(found).toMatchObject({ ok: true, value: { total: 0, notes: [{ articleId: id, quote: 'double the quay' }] } })
    expect(await ipc('saved:add', ['cranes', { query: 'crane' }])).toMatchObject({
      ok: true,
      value: { name: 'cranes', total: 1, newCount: 0 },
    })
    expect(await ipc('saved:list', [])).toMatchObject({ ok: true, value: [{ name: 'cranes', total: 1 }] })
  })
})
