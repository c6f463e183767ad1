/**
 * The child process of the store's kill -9 test: opens the library given as its argument, then imports small
 * articles one at a time until it is killed, saying on stdout how many it has imported.
 */
import { openLibrary } from '../../../electron/core/library/library'
import { sampleText } from '../../helpers/temp-library'

const root = process.argv[2]!
const library = await openLibrary(root, { parseThreads: 0, syncCopies: false })
process.stdout.write('opened\n')
for (let i = 0; ; i++) {
  const bytes = new TextEncoder().encode(sampleText(`Dropped ${i}`, `Body of dropped article ${i}.`))
  await library.import([{ kind: 'bytes', name: `dropped-${i}.txt`, bytes }])
  process.stdout.write(`imported ${i + 1}\n`)
}
