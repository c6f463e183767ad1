/**
 * Dates and languages as press databases print them: "January 11, 2010 Monday", "12 avril 2013 mardi",
 * "1. Juli 2019", "July 1, 2019 Monday 9:20 AM GMT", "ENGLISH", "Français".
 */
import { normaliseDate } from '../fields'

// Month names without accents, lower case, in the languages the databases export (English, French, German,
// Spanish, Italian, Dutch, Portuguese).
const MONTH_NAMES: Record<string, number> = {}
const MONTH_LISTS = [
  'january february march april may june july august september october november december',
  'jan feb mar apr may jun jul aug sep oct nov dec',
  'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre',
  'januar februar marz april mai juni juli august september oktober november dezember',
  'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
  'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
  'januari februari maart april mei juni juli augustus september oktober november december',
  'janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro',
]
for (const list of MONTH_LISTS) list.split(' ').forEach((name, i) => (MONTH_NAMES[name] = i + 1))
Object.assign(MONTH_NAMES, { sept: 9, janner: 1, juil: 7, fevr: 2, janv: 1, avr: 4, dic: 12, setiembre: 9 })

const WEEKDAYS = [
  'monday tuesday wednesday thursday friday saturday sunday',
  'mon tue tues wed thu thur thurs fri sat sun',
  'lundi mardi mercredi jeudi vendredi samedi dimanche',
  'montag dienstag mittwoch donnerstag freitag samstag sonntag',
  'lunes martes miercoles jueves viernes sabado domingo',
  'lunedi martedi mercoledi giovedi venerdi sabato domenica',
  'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag',
]
  .join(' ')
  .split(' ')

const byLength = (a: string, b: string) => b.length - a.length
const MONTH = `(${Object.keys(MONTH_NAMES).sort(byLength).join('|')})\\.?`
const WEEKDAY = `(?:(?:${WEEKDAYS.sort(byLength).join('|')})\\.?,?\\s+)?`
// "12 April 2013", "1er mars 2014", "5. Juli 2019", "3 de marzo de 2020"
const DAY_FIRST = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:\\.|er)?\\s+(?:de\\s+)?${MONTH},?\\s+(?:de\\s+)?(\\d{4})(?!\\d)`)
// "January 11, 2010", "Dec 19 1991"
const MONTH_FIRST = new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})(?!\\d)`)
const ISO_START = /^(\d{4})-(\d{2})-(\d{2})(?!\d)/
const TIME = /(?:^|\s)(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?(?:\s*(gmt|utc|z\b|[+-]\d{2}:?\d{2}))?/

/** Lower case without accents, so "Décembre" and "MÄRZ" read as "decembre" and "marz". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim()
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * The date a press line starts with, as ISO 8601 (through normaliseDate), or null when the line does not start
 * with one. A time with a zone after the date ("9:20 AM GMT") is kept; a weekday before or after is allowed.
 */
export function pressDate(line: string): string | null {
  const text = fold(line)
  let y: number, m: number, d: number, rest: string
  let match = DAY_FIRST.exec(text)
  if (match) [d, m, y, rest] = [+match[1]!, MONTH_NAMES[match[2]!]!, +match[3]!, text.slice(match[0].length)]
  else if ((match = MONTH_FIRST.exec(text)))
    [m, d, y, rest] = [MONTH_NAMES[match[1]!]!, +match[2]!, +match[3]!, text.slice(match[0].length)]
  else if ((match = ISO_START.exec(text))) [y, m, d, rest] = [+match[1]!, +match[2]!, +match[3]!, text.slice(10)]
  else return null
  const day = `${y}-${pad(m)}-${pad(d)}`
  if (normaliseDate(day) === null) return null
  const time = TIME.exec(rest)
  if (!time || !time[5]) return day
  let hours = +time[1]!
  if (time[4] === 'pm' && hours < 12) hours += 12
  if (time[4] === 'am' && hours === 12) hours = 0
  const zone = time[5] === 'gmt' || time[5] === 'utc' || time[5] === 'z' ? 'Z' : time[5]
  return normaliseDate(`${day}T${pad(hours)}:${time[2]}:${time[3] ?? '00'}${zone}`) ?? day
}

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  anglais: 'en',
  englisch: 'en',
  french: 'fr',
  francais: 'fr',
  franzosisch: 'fr',
  german: 'de',
  deutsch: 'de',
  allemand: 'de',
  spanish: 'es',
  espanol: 'es',
  espagnol: 'es',
  italian: 'it',
  italiano: 'it',
  italien: 'it',
  dutch: 'nl',
  nederlands: 'nl',
  portuguese: 'pt',
  portugues: 'pt',
  russian: 'ru',
  russe: 'ru',
  polish: 'pl',
}

/** A language as the databases name it ("ENGLISH; ENGLISHS", "Français", "EN") → a tag detectLanguage reads. */
export function pressLanguage(value: string | null | undefined): string | null {
  if (!value) return null
  const first = fold(value).split(/[;,\s]+/)[0] ?? ''
  return LANGUAGE_NAMES[first] ?? (/^[a-z]{2,3}$/.test(first) ? first : null)
}
