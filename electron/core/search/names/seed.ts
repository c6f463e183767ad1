/**
 * The bundled alias list seeded into a library's `.broadsheet/aliases.json` on first use: common geographic and
 * political names, each one group of spellings (English, transliterations, Russian, Ukrainian). Written for
 * Broadsheet; the user edits the library's copy.
 */

/** Groups of spellings of one name, first the English one. */
export const SEED_ALIASES: readonly (readonly string[])[] = [
  ['Kyiv', 'Kiev', 'Киев', 'Київ'],
  ['Kharkiv', 'Kharkov', 'Харьков', 'Харків'],
  ['Odesa', 'Odessa', 'Одесса', 'Одеса'],
  ['Lviv', 'Lvov', 'Львов', 'Львів'],
  ['Dnipro', 'Dnepr', 'Днепр', 'Дніпро'],
  ['Zaporizhzhia', 'Zaporozhye', 'Запорожье', 'Запоріжжя'],
  ['Mykolaiv', 'Nikolaev', 'Николаев', 'Миколаїв'],
  ['Chernihiv', 'Chernigov', 'Чернигов', 'Чернігів'],
  ['Luhansk', 'Lugansk', 'Луганск', 'Луганськ'],
  ['Donetsk', 'Донецк', 'Донецьк'],
  ['Kherson', 'Херсон'],
  ['Mariupol', 'Мариуполь', 'Маріуполь'],
  ['Bakhmut', 'Artemovsk', 'Бахмут', 'Артемовск'],
  ['Crimea', 'Krym', 'Крым', 'Крим'],
  ['Sevastopol', 'Севастополь'],
  ['Chornobyl', 'Chernobyl', 'Чернобыль', 'Чорнобиль'],
  ['Ukraine', 'Украина', 'Україна'],
  ['Russia', 'Россия', 'Росія'],
  ['Moscow', 'Moskva', 'Москва'],
  ['Belarus', 'Byelorussia', 'Беларусь', 'Білорусь'],
  ['Minsk', 'Минск', 'Мінськ'],
  ['Kremlin', 'Кремль'],
  ['Zelensky', 'Zelenskyy', 'Zelenskiy', 'Зеленский', 'Зеленський'],
  ['Navalny', 'Navalnyi', 'Navalnyy', 'Навальный', 'Навальний'],
  ['Putin', 'Путин', 'Путін'],
  ['Lavrov', 'Лавров'],
  ['Shoigu', 'Шойгу'],
  ['Peskov', 'Песков'],
  ['Lukashenko', 'Lukashenka', 'Лукашенко'],
  ['Klitschko', 'Klychko', 'Кличко'],
  ['Tymoshenko', 'Timoshenko', 'Тимошенко'],
  ['Poroshenko', 'Порошенко'],
  ['Yanukovych', 'Yanukovich', 'Янукович'],
  ['Gorbachev', 'Горбачёв', 'Горбачев'],
  ['Yeltsin', 'Ельцин', 'Єльцин'],
  ['Medvedev', 'Медведев'],
]
