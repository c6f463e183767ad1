/**
 * A DOCX file's text through mammoth: one line per paragraph, a blank line between them (what the LexisNexis
 * text splitter reads).
 */
import mammoth from 'mammoth'

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04]

/** The text of a DOCX file, or why it cannot be read. */
export async function readDocxText(bytes: Uint8Array): Promise<string | { reason: string }> {
  if (!ZIP_SIGNATURE.every((byte, i) => bytes[i] === byte)) return { reason: 'not a DOCX file: not a ZIP archive' }
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) })
    return result.value
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { reason: `not a readable DOCX: ${message}` }
  }
}
