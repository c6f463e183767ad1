/**
 * The boilerplate rules, as data: what scraped news puts around an article that is not the article.
 *
 * Each rule names its kind, where it may be removed (the top of the body, its trailing block, or
 * both), its patterns, the flags a match sets, and whether the matched line is kept as a disclaimer.
 * Whole-line rules are anchored (^…$); notice rules look for a specific phrase about the article
 * itself, so that a real paragraph which merely mentions translation or advertising is not one.
 */
import type { ArticleFlag } from '../../shared/models'

/** What a boilerplate line is. */
export type BoilerplateKind =
  | 'auto-published'
  | 'machine-translated'
  | 'sponsored'
  | 'opinion'
  | 'disclaimer'
  | 'share'
  | 'navigation'
  | 'related'
  | 'tags'
  | 'category'

/** One rule: a kind of boilerplate line and how to know it. */
export interface BoilerplateRule {
  kind: BoilerplateKind
  /**
   * Where a matching line may be removed: at the very top of the body, in its trailing block, or both;
   * `notice` rules only read text already known to be a notice (a disclaimer given as metadata), since
   * in a body the same words may open a headline ("Opinion: …").
   */
  where: 'top' | 'end' | 'both' | 'notice'
  patterns: RegExp[]
  flags: ArticleFlag[]
  /** Keep the matched line in `disclaimers` (quoted as in the source). */
  keep: boolean
}

/** Words that make up share rows ("Share this: Facebook Twitter WhatsApp"), lower-case. */
export const SHARE_WORDS: ReadonlySet<string> = new Set(
  (
    'share shares sharing this article story post page on via tweet pin it facebook twitter x whatsapp telegram viber ' +
    'vk vkontakte ok odnoklassniki linkedin reddit pinterest tumblr email e-mail mail print copy link url messenger send ' +
    'skype pocket flipboard threads bluesky mastodon line sms more save comment comments google+ ' +
    'поделиться поделитесь поделись в соцсетях соцсетях социальных сетях отправить распечатать печать скопировать ' +
    'ссылку ссылка копировать вконтакте одноклассники твиттер фейсбук телеграм почта поширити поділитися ' +
    'друкувати надіслати скопіювати посилання'
  ).split(' '),
)

/** Category labels that a scraper leaves at the end of the body ("World", "Politics", "Новости России"). */
export const CATEGORY_PATTERNS: RegExp[] = [
  /^[\p{Lu}][\p{L}-]*(?: [\p{L}-]+){0,2} news$/iu,
  /^news(?: [\p{L}-]+){1,2}$/iu,
  /^новости(?: [\p{L}-]+){1,2}$/iu,
  /^[\p{L}-]+(?: [\p{L}-]+)? новости$/iu,
  /^новини(?: [\p{L}-]+){1,2}$/iu,
  /^(?:world|politics|business|economy|sport|sports|technology|tech|science|health|entertainment|culture|lifestyle|travel|society|opinion|analysis|local|national|international|europe|asia|africa|americas|middle east|us|uk|russia|ukraine|markets|finance|education|environment|climate|crime|defense|defence|military|breaking news|top stories|latest news)$/i,
  /^(?:в мире|мир|политика|экономика|общество|спорт|культура|наука|технологии|происшествия|здоровье|россия|украина|бизнес|финансы|регионы|армия|образование|экология|туризм|авто|недвижимость|світ|політика|економіка|суспільство|культура|наука|здоров'я|україна|спорт|свет|палітыка|эканоміка|грамадства|навіны)$/i,
]

/** The rules, in the order they are tried; a line takes the flags of every rule it matches. */
export const BOILERPLATE_RULES: BoilerplateRule[] = [
  {
    kind: 'auto-published',
    where: 'both',
    flags: ['machine-translated', 'auto-published'],
    keep: true,
    patterns: [
      /\b(?:we )?(?:transmit|publish|post|carry)(?:s|ed)? (?:this|these|the) news automatically\b/i,
      /\bnot from a human editor\b/i,
      /\b(?:this|the) (?:article|story|news|post|item|content) (?:is|was|has been) (?:generated|published|posted|created) automatically\b/i,
      /\b(?:automatically|auto-)(?:generated|published|posted) (?:from|by|via) (?:a |an |the )?(?:syndicated |news )?(?:feed|agency|wire|software|program|bot)/i,
      /(?<!\p{L})опубликован[аоы]? автоматически(?!\p{L})/iu,
      /(?<!\p{L})автоматически (?:опубликован|публикуется|размещ[её]н|сгенерирован)/iu,
      /(?<!\p{L})публикуется автоматически(?!\p{L})/iu,
      /(?<!\p{L})не (?:человеком|редактором),? а (?:программой|автоматически)/iu,
      /(?<!\p{L})опубліковано автоматично(?!\p{L})/iu,
      /(?<!\p{L})(?:публикуем|публикует|публикуются|передаем|передаём|размещаем) (?:их |эти новости |новости |материалы )?автоматически(?!\p{L})/iu,
      /(?<!\p{L})публікуємо (?:їх |новини )?автоматично(?!\p{L})/iu,
    ],
  },
  {
    kind: 'machine-translated',
    where: 'both',
    flags: ['machine-translated'],
    keep: true,
    patterns: [
      /\btranslate[sd]? (?:it |this |the (?:news|article|text) )?(?:through|by|using|with) (?:a )?(?:programmatic|automatic|automated|machine|software)/i,
      /\b(?:this|the) (?:article|story|text|news|report|content|post|page|material|piece) (?:was|has been|is|were|have been) (?:automatically |machine[- ]|auto-)?translated\b(?! by (?:our|the) (?:staff|editors?|correspondent))/i,
      /^(?:machine|automatically|auto)[- ]translated\b/i,
      /\b(?:translated|translation) (?:automatically|by (?:a )?(?:machine|computer|software|google translate|deepl|an? (?:automated|automatic) (?:system|tool|service)))\b/i,
      /^(?:machine|automatic|automated) translation\b/i,
      /(?<!\p{L})(?:эт[аоі]|данн[аы][яй]) (?:статья|новость|материал|текст|публикация) (?:был[аи]? )?переведен[аоы]? (?:автоматически|с помощью|машинн)/iu,
      /(?<!\p{L})переведен[аоы]? автоматически(?!\p{L})/iu,
      /(?<!\p{L})автоматически переведен/iu,
      /(?<!\p{L})машинн(?:ый|ого|ым) перевод/iu,
      /(?<!\p{L})автоматическ(?:ий|ого|им) перевод/iu,
      /\b(?:using|via|with|by) (?:a |an )?(?:machine|automatic|automated) translation\b/i,
      /(?<!\p{L})автоматичн(?:ий|ого|им) переклад/iu,
      /(?<!\p{L})перекладен[аоі]? автоматично(?!\p{L})/iu,
      /(?<!\p{L})машинн(?:ий|ого|им) переклад/iu,
      /(?<!\p{L})переводим (?:их |его |её |ее )?(?:с помощью|при помощи|посредством) (?:программ|машинн|автоматическ)/iu,
      /(?<!\p{L})перекладаємо (?:їх )?(?:за допомогою|автоматично)/iu,
    ],
  },
  {
    kind: 'sponsored',
    where: 'both',
    flags: ['sponsored'],
    keep: true,
    patterns: [
      /^(?:sponsored|sponsored (?:content|coverage|post|article|story|feature|report|by\b.*)|paid (?:content|post|partnership|promotion)(?: with\b.*)?|advertorial|partner content|promoted content|brand(?:ed)? content|in partnership with\b.*|presented by\b.*)[.:]?$/i,
      // A label that opens the notice: "Sponsored coverage: produced with …".
      /^(?:sponsored (?:content|coverage|post|article|story|feature|report)|paid (?:content|post|partnership|promotion)|advertorial|partner content|promoted content|brand(?:ed)? content)\s*[:—–]\s*\S/i,
      /\b(?:this|the) (?:article|content|post|story|feature|piece) (?:is|was) (?:sponsored|paid for|an advertorial|produced in (?:paid )?partnership with|brought to you by|written in partnership with)\b/i,
      /\bpaid partnership\b/i,
      /^(?:партн[её]рский материал|партн[её]рская публикация|спонсорский материал|на правах рекламы|реклама|материал партн[её]ра|промо|партнерський матеріал|на правах реклами|реклама\.)[.:]?$/iu,
      /(?<!\p{L})на правах рекламы(?!\p{L})/iu,
      /(?<!\p{L})на правах реклами(?!\p{L})/iu,
      /(?<!\p{L})(?:материал|статья|публикация) (?:подготовлен|опубликован|размещ[её]н)[аоы]? (?:на правах рекламы|при (?:финансовой )?поддержке|в партн[её]рстве|по заказу)/iu,
      /(?<!\p{L})партн[её]рский материал(?!\p{L})/iu,
      /(?<!\p{L})(?:спонсорский материал|материал партн[её]ра|партнерський матеріал)(?!\p{L})/iu,
    ],
  },
  {
    kind: 'opinion',
    where: 'both',
    flags: ['opinion'],
    keep: true,
    patterns: [
      /^(?:opinion|op-ed|commentary|column|мнение|колонка|комментарий|точка зрения|думка|колонка автора)[.:]?$/iu,
      /\bthe (?:views|opinions) (?:and opinions )?expressed (?:in this (?:article|piece|column|post|commentary) |here(?:in)? )?are (?:those of the author|the author'?s own|solely|the writer'?s own|their own|his own|her own)/i,
      /\b(?:do|does) not necessarily (?:reflect|represent) the (?:views|view|position|opinion|opinions|editorial (?:policy|position)) of\b/i,
      /(?<!\p{L})(?:мнение|точка зрения|позиция) (?:автора|авторов|редакции)(?: может)? не (?:совпадать|совпадает)/iu,
      /(?<!\p{L})(?:редакция|издание) (?:может не разделять|не несет ответственности за) (?:мнени|точк|позици)/iu,
      /(?<!\p{L})думка (?:автора|редакції) може не (?:збігатися|співпадати)/iu,
      /(?<!\p{L})позиція редакції може не (?:збігатися|співпадати)/iu,
    ],
  },
  {
    kind: 'opinion',
    where: 'notice',
    flags: ['opinion'],
    keep: true,
    // A notice that opens with the label: "Opinion: the writer chairs the walking club."
    patterns: [/^(?:opinion|op-ed|commentary|column|мнение|колонка|комментарий|думка)\s*[:|—–]\s*\S/iu],
  },
  {
    kind: 'disclaimer',
    where: 'both',
    flags: [],
    keep: true,
    patterns: [
      /^(?:disclaimer|дисклеймер|отказ от ответственности|застереження)\s*[:.-]/iu,
      /\bnot all (?:news|articles|content) on (?:the|this) (?:site|website) (?:expresses|express|reflects?) the (?:point of view|views?|opinion|position) of\b/i,
      /(?<!\p{L})не все (?:новости|материалы) (?:на сайте|сайта) (?:выражают|отражают)/iu,
    ],
  },
  {
    kind: 'navigation',
    where: 'both',
    flags: [],
    keep: false,
    patterns: [
      /^(?:back to top(?: button)?|scroll to top|go to top|to top|top of page|skip to (?:main )?content|skip to navigation|advertisement|ad|continue reading(?: below| the main story)?|photo|video|image|фото|видео|відео|click here to (?:subscribe|read more)|subscribe(?: now| to our newsletter)?|sign up for our newsletter|follow us(?: on \w+)?|comments?|leave a (?:comment|reply)|loading(?: comments)?\W*|наверх|вернуться наверх|к началу( страницы)?|подписывайтесь на нас(?: в \S+)?|подписаться|комментарии|оставить комментарий|на початок|коментарі|угору|наверх сторінки)[.:!…]?$/iu,
      /^(?:previous|next) (?:article|post|story)\b.{0,120}$/i,
      // A bare dateline left by the page template ("27 Apr 2020, 00:05 by").
      /^(?:\d{1,2} [A-Za-z]{3,9}\.? \d{4}|[A-Za-z]{3,9}\.? \d{1,2}, \d{4})(?:,? \d{1,2}:\d{2})?(?: by)?$/,
      /^(?:follow|join) us on [\w .,&]{1,40}[.!]?$/i,
      /^subscribe to (?:our|the) [\w .-]{1,40}[.!]?$/i,
      /^(?:подписывайтесь|подпишитесь|присоединяйтесь) (?:на|к) (?:наш|нашему|нас)(?:[ -][\p{L}-]+){0,4}[.!]?$/iu,
      /^(?:підписуйтесь|підпишіться|приєднуйтесь) (?:на|до) (?:наш|нашого|нас)(?:[ -][\p{L}-]+){0,4}[.!]?$/iu,
      /^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))\s*.{0,160}$/iu,
      /^.{0,120}(?:all rights reserved|все права защищены|усі права захищені|всі права захищені)\.?$/iu,
      /^(?:comments|комментарии|коментарі)\s*\(\d+\)$/iu,
      /^(?:предыдущая|следующая) (?:статья|новость|запись)(?!\p{L}).{0,120}$/iu,
    ],
  },
  {
    kind: 'related',
    where: 'end',
    flags: [],
    keep: false,
    patterns: [
      /^(?:read more|read also|also read|see also|more on this story|more from [\p{L} ]{1,40}|related|related (?:articles?|posts?|stories|news|content|topics|coverage|links)|you may also like|you might also like|recommended(?: for you| stories| articles)?|most read|most popular|trending(?: now)?|latest news|more stories|more news|читайте также|читайте ещё|читайте еще|смотрите также|по теме|ещё по теме|еще по теме|похожие (?:новости|статьи|материалы|записи)|другие новости|новости по теме|вам также может понравиться|популярное|самое читаемое|читайте також|дивіться також|схожі новини|інші новини|по темі)[.:…]?$/iu,
      /^(?:read more|read also|читайте также|читайте ещё|читайте еще|читайте також)\s*[:-]\s*.{1,160}$/iu,
      // A few other languages' headings, cheap to know.
      /^(?:noticias relacionadas|art[ií]culos relacionados|lee m[aá]s|le[eé] m[aá]s|leer m[aá]s|te puede interesar|lire aussi|[àa] lire aussi|articles connexes|sur le m[êe]me sujet|lesen sie auch|mehr zum thema|weiterlesen|das k[öo]nnte sie auch interessieren|leia mais|leia tamb[ée]m|not[ií]cias relacionadas|leggi anche|articoli correlati|czytaj te[żz]|zobacz te[żz]|مقالات ذات صلة|اقرأ أيضا|اقرأ أيضاً)[.:…]?$/iu,
    ],
  },
  {
    kind: 'tags',
    where: 'end',
    flags: [],
    keep: false,
    patterns: [
      /^(?:tags?|tagged(?: with)?|topics?|keywords|теги|метки|ключевые слова|теги статьи|мітки|теґи)\s*[:：]\s*.{0,300}$/iu,
      /^(?:tags|теги)$/iu,
    ],
  },
  {
    kind: 'category',
    where: 'end',
    flags: [],
    keep: false,
    patterns: CATEGORY_PATTERNS,
  },
]
