import { describe, expect, it } from 'vitest'
import { pressDate, pressLanguage } from '../../../../electron/core/formats/press/dates'

describe('pressDate', () => {
  it.each([
    ['January 11, 2010 Monday', '2010-01-11'],
    ['December 19, 1991, Sunday, Late Edition - Final', '1991-12-19'],
    ['12 April 2013 Tuesday', '2013-04-12'],
    ['July 1, 2019 Monday 9:20 AM GMT', '2019-07-01T09:20:00.000Z'],
    ['July 3, 2019 Wednesday 12:02 AM GMT', '2019-07-03T00:02:00.000Z'],
    ['29 décembre 2011', '2011-12-29'],
    ['jeudi 5 octobre 2013', '2013-10-05'],
    ['1er août 2024 jeudi', '2024-08-01'],
    ['5. Juli 2019', '2019-07-05'],
    ['3 de marzo de 2020', '2020-03-03'],
    ['14 MAY 2024', '2024-05-14'],
    ['2024-03-05', '2024-03-05'],
  ])('reads "%s" as %s', (line, iso) => {
    expect(pressDate(line)).toBe(iso)
  })

  it.each([
    'Lighthouse keepers return for the summer',
    'February 30, 2019',
    'Date and Time: Friday, 5. July 2019 09:31:00 CEST',
    'Copyright 2024 Coastal Chronicle',
    '12 apples 2013',
  ])('finds no date at the start of "%s"', (line) => {
    expect(pressDate(line)).toBeNull()
  })
})

describe('pressLanguage', () => {
  it.each([
    ['ENGLISH; ENGLISHS', 'en'],
    ['Français', 'fr'],
    ['FRANÇAIS', 'fr'],
    ['Deutsch', 'de'],
    ['EN', 'en'],
    ['Klingon', null],
    [null, null],
  ])('names %s as %s', (value, tag) => {
    expect(pressLanguage(value)).toBe(tag)
  })
})
