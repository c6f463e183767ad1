import { describe, expect, it } from 'vitest'
import { render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import DisclaimerBanner from '../../../renderer/components/DisclaimerBanner.svelte'
import { article } from '../fake-api'

const notice = 'We transmit this news automatically and translate it through programmatic technology.'
const banner = () => screen.getByRole('note', { name: 'Disclaimer and provenance' })

describe('DisclaimerBanner', () => {
  it('is a note named "Disclaimer and provenance"', () => {
    render(DisclaimerBanner, { article: article(), mode: 'expanded' })
    expect(banner()).toBeInTheDocument()
  })

  it("quotes the source's disclaimers and explains each flag", () => {
    render(DisclaimerBanner, {
      article: article({ disclaimers: [notice], flags: ['machine-translated', 'sponsored'] }),
      mode: 'expanded',
    })
    expect(within(banner()).getByText(`“${notice}”`)).toBeInTheDocument()
    expect(banner()).toHaveTextContent(
      'Machine-translated: this text was translated automatically and not checked by an editor',
    )
    expect(banner()).toHaveTextContent(/Sponsored: .*paid for by an advertiser/)
  })

  it('gives the provenance in plain words with the full SHA-256 of the original bytes', () => {
    const hash = '0123456789abcdef'.repeat(4)
    render(DisclaimerBanner, {
      article: article({
        path: 'world/port.txt',
        importedFrom: '/home/reporter/port.txt',
        importedAt: '2025-01-02T08:00:00Z',
        published: null,
        site: 'example.org',
        category: 'Business',
        hash,
      }),
      mode: 'expanded',
    })
    const text = banner().textContent ?? ''
    expect(text).toMatch(/Imported from\s*\/home\/reporter\/port\.txt/)
    expect(text).toMatch(/Imported\s*2 Jan 2025/)
    expect(text).toMatch(/Published\s*date not given/)
    expect(text).toMatch(/Site\s*example\.org/)
    expect(text).toMatch(/Category\s*Business/)
    expect(text).toContain(hash)
  })

  it('copies the hash with a button', async () => {
    const user = userEvent.setup()
    const hash = 'fe'.repeat(32)
    render(DisclaimerBanner, { article: article({ hash }), mode: 'expanded' })
    await user.click(screen.getByRole('button', { name: 'Copy SHA-256' }))
    expect(await navigator.clipboard.readText()).toBe(hash)
    expect(within(banner()).getByRole('status')).toHaveTextContent('Copied')
  })

  it('marks edited fields as edited by you', () => {
    render(DisclaimerBanner, { article: article({ site: 'Port Daily', edited: ['site'] }), mode: 'expanded' })
    expect(banner().textContent).toMatch(/Site\s*Port Daily\s*edited by you/)
  })

  it('opens as a compact strip that keeps the flags when Settings say compact, and expands on request', async () => {
    const user = userEvent.setup()
    render(DisclaimerBanner, { article: article({ disclaimers: [notice], flags: ['opinion'] }), mode: 'compact' })
    expect(banner()).not.toHaveTextContent(notice)
    expect(within(banner()).getByText('Opinion')).toBeInTheDocument()
    const toggle = screen.getByRole('button', { name: 'Show details' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await user.click(toggle)
    expect(banner()).toHaveTextContent(notice)
    expect(screen.getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true')
  })

  it('opens expanded for the next article even after it was collapsed on this one', async () => {
    const user = userEvent.setup()
    const first = article({ id: 'a', disclaimers: ['First notice.'] })
    const { rerender } = render(DisclaimerBanner, { article: first, mode: 'expanded' })
    await user.click(screen.getByRole('button', { name: 'Hide details' }))
    expect(banner()).not.toHaveTextContent('First notice.')
    // The same article given again (starred, or read again from disk) keeps the user's choice.
    await rerender({ article: { ...first }, mode: 'expanded' })
    expect(banner()).not.toHaveTextContent('First notice.')
    await rerender({ article: article({ id: 'b', disclaimers: ['Machine translation notice.'] }), mode: 'expanded' })
    expect(banner()).toHaveTextContent('Machine translation notice.')
  })

  it('has no toggle whose name differs from its visible label', () => {
    render(DisclaimerBanner, { article: article(), mode: 'expanded' })
    for (const button of within(banner()).getAllByRole('button')) {
      expect(button.getAttribute('aria-label')).toBeNull()
    }
  })

  it('stands out when the article is flagged', () => {
    const { unmount } = render(DisclaimerBanner, { article: article(), mode: 'expanded' })
    expect(banner()).not.toHaveClass('flagged')
    unmount()
    render(DisclaimerBanner, { article: article({ flags: ['sponsored'] }), mode: 'expanded' })
    expect(banner()).toHaveClass('flagged')
  })

  it('says when the article was saved to read later and with which tags', () => {
    render(DisclaimerBanner, {
      article: article({ savedAt: '2024-05-03T09:00:00Z', tags: ['climate', 'eu'], archived: true }),
      mode: 'expanded',
    })
    expect(banner()).toHaveTextContent('Read later Saved to read later on 3 May 2024 · tags: climate, eu · archived')
  })
})
