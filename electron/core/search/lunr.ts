/**
 * lunr with the lunr-languages stemmers and stop words loaded once (English built in, Russian added).
 *
 * lunr and lunr-languages are CommonJS; lunr-languages exports functions that patch the lunr object,
 * so they are loaded through `createRequire`, which works under tsx, vitest and the esbuild bundle.
 */
import { createRequire } from 'node:module'
import lunrDefault from 'lunr'

const require = createRequire(import.meta.url)

type LunrWithRu = typeof lunrDefault & {
  ru: { stemmer: lunrDefault.PipelineFunction; stopWordFilter: lunrDefault.PipelineFunction }
}

const lunrLib = lunrDefault as LunrWithRu
if (!('ru' in lunrLib)) {
  ;(require('lunr-languages/lunr.stemmer.support') as (l: unknown) => void)(lunrLib)
  ;(require('lunr-languages/lunr.ru') as (l: unknown) => void)(lunrLib)
}

/** The shared lunr object, with `lunr.ru` loaded. */
export const lunr = lunrLib
