/**
 * lunr with the lunr-languages stemmers and stop words loaded once (English built in, Russian added).
 *
 * lunr-languages exports CommonJS functions that patch the lunr object; they are imported statically
 * so esbuild bundles them into the main and worker bundles (and tsx and vitest load them as they are).
 */
import lunrDefault from 'lunr'
import stemmerSupport from 'lunr-languages/lunr.stemmer.support'
import russian from 'lunr-languages/lunr.ru'

type LunrWithRu = typeof lunrDefault & {
  ru: { stemmer: lunrDefault.PipelineFunction; stopWordFilter: lunrDefault.PipelineFunction }
}

const lunrLib = lunrDefault as LunrWithRu
if (!('ru' in lunrLib)) {
  stemmerSupport(lunrLib)
  russian(lunrLib)
}

/** The shared lunr object, with `lunr.ru` loaded. */
export const lunr = lunrLib
