/**
 * A tiny DOCX writer for parser tests: one paragraph per line of text (a bold run for "Key: value" lines, as
 * Nexis Uni writes its fields), in the minimal parts Word and mammoth need.
 */
import { makeZip } from '../fixtures/formats/warc/make-warc'

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** One paragraph: a "Key: value" line gets its key in bold; '' is an empty paragraph. */
function paragraphXml(line: string): string {
  const field = /^([A-Z][\w -]*:)\s(.*)$/.exec(line)
  const run = (text: string, bold = false) =>
    `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`
  return `<w:p>${field ? run(`${field[1]}\u00a0`, true) + run(field[2]!) : line ? run(line) : ''}</w:p>`
}

/** A DOCX whose body holds these paragraphs, zipped with yazl. */
export async function makeDocx(paragraphs: string[]): Promise<Uint8Array> {
  const body = paragraphs.map(paragraphXml).join('')
  return makeZip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
    'word/document.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${body}</w:body></w:document>`,
  })
}
