import { describe, expect, it, vi } from 'vitest'
import { render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import CopiesAndVersions from '../../../renderer/components/CopiesAndVersions.svelte'
import { StoriesState } from '../../../renderer/state/stories.svelte'
import { ok } from '../../../electron/shared/result'
import type { DiffSide } from '../../../electron/shared/stories'
import { article, fakeApi } from '../fake-api'

function setup() {
  const fake = fakeApi([], {
    a: article({ id: 'a', title: 'Ferry returns', disclaimers: ['Machine translated.'] }),
    b: article({ id: 'b', title: 'Ferry returns (updated)' }),
  })
  fake.api.stories.similar = vi.fn(async () =>
    ok({
      duplicates: [{ id: 'c', title: 'Ferry back on route', site: 'coast.example', similarity: 0.92 }],
      versions: [
        { id: 'a', title: 'Ferry returns', site: 'harbour.example', capturedAt: null, published: '2024-03-05' },
        {
          id: 'b',
          title: 'Ferry returns (updated)',
          site: 'harbour.example',
          capturedAt: null,
          published: '2024-03-06',
        },
      ],
      story: { id: 's1', size: 3 },
    }),
  )
  fake.api.stories.diff = vi.fn(async () =>
    ok({
      ops: [
        ['=', 'The ferry '],
        ['-', 'may'],
        ['+', 'will'],
        ['=', ' sail.'],
      ] as ['=' | '-' | '+', string][],
      fields: { title: { before: 'Ferry returns', after: 'Ferry returns (updated)' } },
      sides: [
        {
          id: 'a',
          title: 'Ferry returns',
          site: 'harbour.example',
          published: null,
          capturedAt: null,
          disclaimers: ['Machine translated.'],
          flags: [],
        },
        {
          id: 'b',
          title: 'Ferry returns (updated)',
          site: 'harbour.example',
          published: null,
          capturedAt: null,
          disclaimers: [],
          flags: ['paywall'],
        },
      ] as [DiffSide, DiffSide],
    }),
  )
  const onopen = vi.fn()
  render(CopiesAndVersions, { stories: new StoriesState(fake.api), articleId: 'a', onopen })
  return { fake, onopen }
}

describe('CopiesAndVersions', () => {
  it('lists copies with site and similarity and versions with dates, each opening its article', async () => {
    const { onopen } = setup()
    const region = await screen.findByRole('region', { name: 'Other copies and versions' })
    expect(within(region).getByRole('heading', { name: 'Also published by' })).toBeInTheDocument()
    expect(region).toHaveTextContent('coast.example · 92% similar')
    expect(region).toHaveTextContent('2 versions')
    expect(region).toHaveTextContent('6 Mar 2024')
    await userEvent.setup().click(within(region).getByRole('link', { name: 'Ferry back on route' }))
    expect(onopen).toHaveBeenCalledWith('c')
  })

  it('compares with a version: marked words, changed fields, both sides, Escape returns focus', async () => {
    const { fake } = setup()
    const user = userEvent.setup()
    const compare = await screen.findByRole('button', { name: /Compare with the version of 6 Mar 2024/ })
    await user.click(compare)
    expect(fake.api.stories.diff).toHaveBeenCalledWith('a', 'b')
    const dialog = screen.getByRole('dialog', { name: 'Compare versions' })
    expect(dialog.querySelector('p.text ins')).toHaveTextContent('inserted: will')
    expect(dialog.querySelector('p.text del')).toHaveTextContent('deleted: may')
    expect(dialog).toHaveTextContent('title')
    expect(within(dialog).getByRole('region', { name: 'Before' })).toHaveTextContent('Machine translated.')
    expect(within(dialog).getByRole('region', { name: 'After' })).toHaveTextContent('Flag: paywall')
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(compare).toHaveFocus()
  })
})
