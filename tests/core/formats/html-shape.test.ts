import { describe, expect, it } from 'vitest'
import { isDateLine } from '../../../electron/core/formats/html-shape'

describe('isDateLine', () => {
  it.each([
    'Sunday, Feb 1, 2015 11:57 AM UTC',
    'April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm',
    '12.03.2024, 10:15',
    'Posted on March 3, 2024',
  ])('takes %j for a date, not a name', (line) => {
    expect(isDateLine(line)).toBe(true)
  })

  it.each(['Joanna Rothkopf', 'Richard (R.J.) Eskow', 'Nathan Willis March 25, 2015', 'By Ana Ruiz, 3 March 2024'])(
    'keeps %j as a byline',
    (line) => {
      expect(isDateLine(line)).toBe(false)
    },
  )
})
