import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { cyrillicScore, decodeBytes, looksBinary, normaliseCharset } from '../../../electron/core/formats/decode'

const RUSSIAN =
  'Городской совет утвердил план ремонта набережной. Работы начнутся весной и продлятся до конца осени, ' +
  'а движение транспорта по улице будет частично ограничено. Жители смогут высказать свои пожелания на собрании.'
const BELARUSIAN =
  'Гарадскі савет зацвердзіў план рамонту набярэжнай. Работы пачнуцца ўвесну і працягнуцца да канца восені, ' +
  'а рух транспарту па вуліцы будзе часткова абмежаваны.'

describe('decodeBytes', () => {
  it.each(['windows-1251', 'koi8-r', 'cp866', 'iso-8859-5', 'maccyrillic'])(
    'reads Russian text in %s without mojibake',
    (encoding) => {
      const decoded = decodeBytes(iconv.encode(RUSSIAN, encoding))
      expect(decoded.text).toBe(RUSSIAN)
      expect(decoded.encoding).toBe(encoding)
    },
  )

  it('reads Belarusian windows-1251 text (with ў and і)', () => {
    expect(decodeBytes(iconv.encode(BELARUSIAN, 'windows-1251')).text).toBe(BELARUSIAN)
  })

  it('reads UTF-16 LE and BE by their BOM', () => {
    for (const encoding of ['utf-16le', 'utf-16be']) {
      const bom = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]
      const bytes = Buffer.concat([Buffer.from(bom), iconv.encode(RUSSIAN, encoding)])
      expect(decodeBytes(bytes).text).toBe(RUSSIAN)
    }
  })

  it('reads UTF-16 without a BOM by its NUL bytes', () => {
    const english = 'The ferry terminal opens next spring, the harbour authority said.'
    expect(decodeBytes(iconv.encode(english, 'utf-16le')).text).toBe(english)
    expect(decodeBytes(iconv.encode(english, 'utf-16be')).text).toBe(english)
  })

  it('drops a UTF-8 BOM', () => {
    expect(decodeBytes(Buffer.from('\ufeffHello', 'utf8')).text).toBe('Hello')
  })

  it('reads a lone Latin-1 byte in English text as windows-1252', () => {
    const bytes = iconv.encode('Tickets cost £12 at the door.', 'windows-1252')
    expect(decodeBytes(bytes)).toEqual({ text: 'Tickets cost £12 at the door.', encoding: 'windows-1252' })
  })

  it('keeps UTF-8 text whole when one stray Latin-1 byte breaks it', () => {
    const bytes = Buffer.concat([
      Buffer.from('Café owners in Zürich say prices rose to ', 'utf8'),
      Buffer.from([0xa3]),
      Buffer.from('4.', 'utf8'),
    ])
    expect(decodeBytes(bytes).text).toBe('Café owners in Zürich say prices rose to £4.')
  })

  it('follows a declared charset unless the bytes are UTF-8', () => {
    expect(decodeBytes(iconv.encode(RUSSIAN, 'windows-1251'), 'windows-1251').text).toBe(RUSSIAN)
    // A page that says gb2312 but is UTF-8 (it happens) reads as UTF-8.
    expect(decodeBytes(Buffer.from(RUSSIAN, 'utf8'), 'gb2312').text).toBe(RUSSIAN)
  })
})

describe('looksBinary', () => {
  it('tells binary bytes from text', () => {
    expect(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]))).toBe(true)
    expect(looksBinary(Buffer.from('Plain text\r\nwith lines\tand tabs\n'))).toBe(false)
  })
})

describe('normaliseCharset', () => {
  it('maps labels to decoders and rejects unknown ones', () => {
    expect(normaliseCharset('UTF8')).toBe('utf-8')
    expect(normaliseCharset('ISO-8859-1')).toBe('windows-1252')
    expect(normaliseCharset('x-mac-cyrillic')).toBe('maccyrillic')
    expect(normaliseCharset('no-such-charset')).toBeNull()
  })
})

describe('cyrillicScore', () => {
  it('prefers the right decoding over a wrong code page', () => {
    const bytes = iconv.encode(RUSSIAN, 'koi8-r')
    expect(cyrillicScore(iconv.decode(bytes, 'koi8-r'))).toBeGreaterThan(
      cyrillicScore(iconv.decode(bytes, 'windows-1251')),
    )
  })

  it('gives Latin text no Cyrillic score', () => {
    expect(
      cyrillicScore(
        iconv.decode(iconv.encode('Les élèves étaient très énervés après la fête.', 'latin1'), 'windows-1251'),
      ),
    ).toBe(0)
  })
})
