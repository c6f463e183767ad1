import { describe, expect, it, vi } from 'vitest'
import { StoriesState } from '../../../renderer/state/stories.svelte'
import { fakeApi } from '../fake-api'

describe('StoriesState grouping', () => {
  it('says when stories are being grouped and how many there are once done, and asks for the list again', () => {
    const fake = fakeApi()
    const stories = new StoriesState(fake.api)
    const grouped = vi.fn()
    const stop = stories.connect(grouped)
    expect(stories.groupingText).toBe('')

    fake.emit('stories:changed', { state: 'grouping', stories: 3, articles: 40 })
    expect(stories.groupingText).toBe('Grouping stories…')
    expect(grouped).not.toHaveBeenCalled()

    fake.emit('stories:changed', { state: 'ready', stories: 4, articles: 45 })
    expect(stories.groupingText).toBe('4 stories, up to date')
    expect(grouped).toHaveBeenCalledTimes(1)

    stop()
    expect(fake.listenerCount('stories:changed')).toBe(0)
  })
})
