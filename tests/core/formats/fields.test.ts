import { describe, expect, it } from 'vitest'
import { bodyText, lowerKeys, nameValue, normaliseDate, pick } from '../../../electron/core/formats/fields'

describe('normaliseDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05 14:20', '2024-03-05T14:20:00'],
    ['2024-03-05T14:20:07.123', '2024-03-05T14:20:07'],
    ['2024-03-05T14:20:00+02:00', '2024-03-05T12:20:00.000Z'],
    ['Tue, 05 Mar 2024 10:00:00 GMT', '2024-03-05T10:00:00.000Z'],
    ['05.03.2024', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    [1709632800, '2024-03-05T10:00:00.000Z'],
    [1709632800000, '2024-03-05T10:00:00.000Z'],
    ['1709632800', '2024-03-05T10:00:00.000Z'],
    ['2024-02-30', null],
    ['yesterday', null],
    ['', null],
    [null, null],
  ])('reads %s as %s', (input, output) => {
    expect(normaliseDate(input)).toBe(output)
  })
})

describe('pick', () => {
  it('matches field names case-insensitively, first alias first', () => {
    const fields = lowerKeys({ HEADLINE: 'B', Title: 'A', MainText: 'body' })
    expect(pick(fields, 'title')).toBe('A')
    expect(pick(fields, 'text')).toBe('body')
  })

  it('skips empty values', () => {
    expect(pick(lowerKeys({ title: '', headline: 'H' }), 'title')).toBe('H')
  })
})

describe('nameValue', () => {
  it('joins lists and reads {name} objects', () => {
    expect(nameValue(['Ida Berg', { name: 'Omar Haddad' }])).toBe('Ida Berg, Omar Haddad')
    expect(nameValue({ '@type': 'Organization', name: ' Riverside  Daily ' })).toBe('Riverside Daily')
    expect(nameValue([])).toBeNull()
  })
})

describe('bodyText', () => {
  it('joins a list of paragraphs and structured sections with blank lines', () => {
    expect(bodyText(['One.', 'Two.'])).toBe('One.\n\nTwo.')
    expect(bodyText({ summary: ['Lead.'], sections: [{ headline: ['Part'], paragraphs: ['Body.'] }] })).toBe(
      'Lead.\n\nPart\n\nBody.',
    )
  })
})
