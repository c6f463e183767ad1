import { describe, expect, it } from 'vitest'
import { render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import DisclaimerBanner from '../../../renderer/components/DisclaimerBanner.svelte'
import { article } from '../fake-api'

const notice = 'We transmit this news automatically and translate it through programmatic technology.'

describe('DisclaimerBanner', () => {
  it('is a note named as the disclaimer', () => {
    render(DisclaimerBanner, { article: article() })
    expect(screen.getByRole('note', { name: /disclaimer/i })).toBeInTheDocument()
  })

  it("quotes the source's disclaimers and explains each flag", () => {
    render(DisclaimerBanner, {
      article: article({ disclaimers: [notice], flags: ['machine-translated', 'sponsored'] }),
    })
    const banner = screen.getByRole('note', { name: /disclaimer/i })
    expect(within(banner).getByText(`“${notice}”`)).toBeInTheDocument()
    expect(banner).toHaveTextContent(
      'Machine-translated: this text was translated automatically and not checked by an editor',
    )
    expect(banner).toHaveTextContent(/Sponsored: .*paid for by an advertiser/)
  })

  it('ends with the provenance of the offline copy', () => {
    render(DisclaimerBanner, {
      article: article({ path: 'world/port.txt', importedAt: '2025-01-02T08:00:00Z', site: 'example.org' }),
    })
    expect(screen.getByRole('note', { name: /disclaimer/i })).toHaveTextContent(
      'Offline copy of world/port.txt, imported 2 Jan 2025; published 5 Mar 2024; source example.org',
    )
  })

  it("says 'unknown' when the date and source are missing", () => {
    render(DisclaimerBanner, { article: article({ published: null, site: null }) })
    expect(screen.getByRole('note', { name: /disclaimer/i })).toHaveTextContent('published unknown; source unknown')
  })

  it('collapses to a summary that keeps the flags and provenance', async () => {
    const user = userEvent.setup()
    render(DisclaimerBanner, { article: article({ disclaimers: [notice], flags: ['opinion'] }) })
    const toggle = screen.getByRole('button', { name: /collapse disclaimer/i })
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    await user.click(toggle)
    const banner = screen.getByRole('note', { name: /disclaimer/i })
    expect(screen.getByRole('button', { name: /expand disclaimer/i })).toHaveAttribute('aria-expanded', 'false')
    expect(banner).not.toHaveTextContent(notice)
    expect(within(banner).getByText('Opinion')).toBeInTheDocument()
    expect(banner).toHaveTextContent('Offline copy of a1.txt')
  })

  it('stands out when the article is flagged', () => {
    const { unmount } = render(DisclaimerBanner, { article: article() })
    expect(screen.getByRole('note', { name: /disclaimer/i })).not.toHaveClass('flagged')
    unmount()
    render(DisclaimerBanner, { article: article({ flags: ['sponsored'] }) })
    expect(screen.getByRole('note', { name: /disclaimer/i })).toHaveClass('flagged')
  })
})
