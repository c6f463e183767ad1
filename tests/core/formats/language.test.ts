import { describe, expect, it } from 'vitest'
import { detectLanguage, normaliseLanguage } from '../../../electron/core/formats/language'

describe('detectLanguage', () => {
  it.each([
    [
      'en',
      'The council said the new bridge would open in the spring and that the old one would be closed for repairs until the end of the year.',
    ],
    [
      'ru',
      'Городской совет сообщил, что новый мост откроют весной, а старый закроют на ремонт до конца года. Жители смогут высказаться.',
    ],
    [
      'uk',
      'Міська рада повідомила, що новий міст відкриють навесні, а старий закриють на ремонт до кінця року. Мешканці її підтримали.',
    ],
    [
      'be',
      'Гарадская рада паведаміла, што новы мост адкрыюць увесну, а стары зачыняць на рамонт да канца года. Жыхары гэта падтрымалі.',
    ],
    [
      'de',
      'Der Stadtrat teilte mit, dass die neue Brücke im Frühjahr eröffnet wird und die alte bis zum Ende des Jahres gesperrt bleibt.',
    ],
    [
      'fr',
      "Le conseil municipal a annoncé que le nouveau pont ouvrira au printemps et que l'ancien sera fermé pour des travaux jusqu'à la fin de l'année.",
    ],
    [
      'es',
      'El ayuntamiento anunció que el nuevo puente se abrirá en primavera y que el antiguo estará cerrado por obras hasta el final del año.',
    ],
    [
      'pl',
      'Rada miasta poinformowała, że nowy most zostanie otwarty wiosną, a stary będzie zamknięty z powodu remontu do końca roku.',
    ],
  ])('tells %s from a clear paragraph', (lang, text) => {
    expect(detectLanguage('', text)).toBe(lang)
  })

  it('tells Hindi even when franc ranks a close relative first', () => {
    const text =
      'ब्रिटेन की एक यूनिवर्सिटी में नए टीके का परीक्षण पिछले गुरुवार से शुरू हो गया है। पहले चरण में दो लोगों को टीका लगाया गया और डॉक्टरों ने कहा कि दोनों की हालत ठीक है। शोधकर्ताओं का कहना है कि परिणाम आने में कुछ महीने लगेंगे।'
    expect(detectLanguage('', text)).toBe('hi')
  })

  it('tells English from a single short sentence', () => {
    expect(detectLanguage('', 'The council said the new bridge would open in the spring after repairs.')).toBe('en')
  })

  it('says null for text too short to tell', () => {
    expect(detectLanguage('Hi', 'Ok.')).toBeNull()
  })

  it('takes a valid declared language over detection in the same script', () => {
    expect(
      detectLanguage('', 'The council said the bridge would open in the spring after long repairs.', 'nl-BE'),
    ).toBe('nl')
  })

  it('ignores a declared language whose script the text plainly does not use', () => {
    const russian = 'Городской совет сообщил, что новый мост откроют весной, а старый закроют на ремонт до конца года.'
    const english =
      'The council said the new bridge would open in the spring and that the old one would be closed for repairs until the end of the year.'
    expect(detectLanguage('', russian, 'en')).toBe('ru')
    expect(detectLanguage('', english, 'ru')).toBe('en')
  })

  it('ignores an invalid declared language', () => {
    expect(
      detectLanguage(
        '',
        'The council said the bridge would open in the spring and that the old one would be closed for repairs until the end of the year.',
        'xx-YY',
      ),
    ).toBe('en')
  })
})

describe('normaliseLanguage', () => {
  it.each([
    ['en-US', 'en'],
    ['en_GB', 'en'],
    ['RU', 'ru'],
    ['rus', 'ru'],
    ['ukr', 'uk'],
    ['zz', null],
    ['', null],
    [42, null],
  ])('reads %s as %s', (input, output) => {
    expect(normaliseLanguage(input)).toBe(output)
  })
})
