/**
 * The stories core's entry: a library's groups and clusters (story-groups.ts) with the version diff (diff.ts) and
 * the timeline (timeline.ts) beside them.
 */
import type { ArticleListItem } from '../../shared/models'
import type { Library } from '../library/types'
import { diffArticles } from './diff'
import { openStoryGroups, type StoriesOptions } from './story-groups'
import { binTimeline } from './timeline'
import type { Stories } from './types'

export { storiesDir, type StoriesOptions } from './story-groups'

/** Opens the stories of a library: returns at once, signs and groups in the background (`ready()` resolves then). */
export async function openStories(library: Library, options: StoriesOptions = {}): Promise<Stories> {
  const groups = await openStoryGroups(library, options)
  return {
    ready: () => groups.ready(),
    similar: (id) => groups.similar(id),
    list: (request) => groups.list(request),
    members: (storyId) => groups.members(storyId),
    collapseKeyOf: (id) => groups.collapseKeyOf(id),
    onChanged: (listener) => groups.onChanged(listener),
    close: () => groups.close(),
    async diff(left, right) {
      const [a, b] = await Promise.all([library.get(left), library.get(right)])
      return a && b ? diffArticles(a, b) : undefined
    },
    timeline(ids, by) {
      const list = library.list()
      let items: readonly ArticleListItem[] = list
      if (ids !== null) {
        const byId = new Map(list.map((item) => [item.id, item]))
        items = ids.flatMap((id) => byId.get(id) ?? [])
      }
      return binTimeline(
        items.map(({ published, importedAt, site }) => ({ published, importedAt, site })),
        by,
      )
    },
  }
}
