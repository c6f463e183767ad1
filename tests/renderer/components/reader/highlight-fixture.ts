/**
 * A highlight as the workbench answers with one, for the reader's tests.
 */
import type { Highlight } from '../../../../electron/shared/workbench'

/** A highlight with sensible defaults. */
export function highlight(over: Partial<Highlight> = {}): Highlight {
  return {
    id: 'urn:uuid:1',
    articleId: 'a',
    quote: 'quayside',
    prefix: 'The ',
    suffix: ' plan',
    range: [4, 12],
    status: 'exact',
    note: '',
    tags: [],
    created: '2026-01-01T00:00:00Z',
    modified: '2026-01-01T00:00:00Z',
    ...over,
  }
}
