import { describe, expect, it } from 'vitest'
import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import QueryHelp from '../../../renderer/components/QueryHelp.svelte'

describe('QueryHelp', () => {
  it('explains the query syntax when asked and closes with Escape', async () => {
    const user = userEvent.setup()
    render(QueryHelp)
    const button = screen.getByRole('button', { name: 'Query syntax help' })
    expect(button).toHaveAttribute('aria-expanded', 'false')
    await user.click(button)
    const help = screen.getByRole('dialog', { name: 'Query syntax' })
    for (const example of ['"flood warning"', 'title:flood', '+flood +river', 'flood -sport', 'flood*', 'flood~1']) {
      expect(help).toHaveTextContent(example)
    }
    expect(help).toHaveTextContent('title, text, author, site, category, disclaimer')
    help.focus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog', { name: 'Query syntax' })).not.toBeInTheDocument()
  })
})
