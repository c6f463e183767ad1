import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCaptured } from '../../helpers/run-cli'
import { makeTempDir, type TempDir } from '../../helpers/temp-library'

let lib: TempDir
let src: TempDir

beforeEach(() => {
  lib = makeTempDir()
  src = makeTempDir()
})

afterEach(() => {
  lib.remove()
  src.remove()
})

describe('import', () => {
  it('says a read-later export given again is in the library already and its links were applied again', async () => {
    src.write('pocket.csv', 'title,url,time_added,tags,status\nQuay,https://example.test/quay,1700000000,,archive\n')
    await runCliCaptured(['--library', lib.root, 'import', src.path('pocket.csv')])
    const run = await runCliCaptured(['--library', lib.root, 'import', src.path('pocket.csv')])
    expect(run.status).toBe(0)
    expect(run.stdout).toBe(
      [
        '0 imported, 1 duplicate, 0 failed',
        `  duplicate: ${src.path('pocket.csv')}: already in the library`,
        `  warning: ${src.path('pocket.csv')}: already in the library as pocket.csv: its links are applied again`,
        `  warning: ${src.path('pocket.csv')}: 0 links matched articles; 1 link only, no text (https://example.test/quay)`,
        '',
      ].join('\n'),
    )
  })
})
