import { describe, expect, it } from 'vitest'
import { render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import Sidebar from '../../../renderer/components/Sidebar.svelte'
import { LibraryState } from '../../../renderer/state/library.svelte'
import { fakeApi, item } from '../fake-api'

describe('Sidebar', () => {
  it('offers the files at the library root as a "Library root" collection that shows only them', async () => {
    const fake = fakeApi([
      item({ id: 'loose', title: 'Loose file', collection: '' }),
      item({ id: 'filed', title: 'Filed away', collection: 'world' }),
    ])
    const library = new LibraryState(fake.api)
    await library.load()
    render(Sidebar, { library })
    const collections = await screen.findByRole('group', { name: 'Collections' })
    const root = within(collections).getByRole('button', { name: /Library root/ })
    expect(root).toHaveTextContent('Library root 1')
    expect(within(collections).getByRole('button', { name: /world/ })).toHaveTextContent('world 1')

    await userEvent.setup().click(root)
    expect(root).toHaveAttribute('aria-pressed', 'true')
    expect(library.visible.map((i) => i.title)).toEqual(['Loose file'])
  })
})
