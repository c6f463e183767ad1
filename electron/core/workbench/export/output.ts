/**
 * An export folder being written: every file is hashed as its bytes go out, so the manifest costs no second read.
 *
 * Text streams wait for the disk (`drain`) so memory stays flat however many articles pass through.
 */
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { once } from 'node:events'
import { pipeline } from 'node:stream/promises'
import { MANIFEST_FILE, manifestLine } from './manifest'

/** A text file being written line by line. */
export interface TextStream {
  write(text: string): Promise<void>
  /** Closes the file and enters it in the manifest. */
  close(): Promise<void>
}

/** The files of one export, written under `root` (the temp folder until the export is complete). */
export class ExportOutput {
  readonly root: string
  /** Every file written, in order, with its hash (for the manifest and the ZIP). */
  readonly files: { rel: string; hex: string }[] = []
  bytes = 0

  constructor(root: string) {
    this.root = root
  }

  #abs(rel: string): string {
    return path.join(this.root, ...rel.split('/'))
  }

  /** Opens a text file under the export; lines written go to disk as the stream drains. */
  async text(rel: string): Promise<TextStream> {
    const file = this.#abs(rel)
    await fs.mkdir(path.dirname(file), { recursive: true })
    const out: WriteStream = createWriteStream(file, { flags: 'wx' })
    await once(out, 'open')
    const hash = createHash('sha256')
    let failure: Error | null = null
    out.on('error', (e) => (failure = e))
    return {
      write: async (text) => {
        if (failure) throw failure
        const bytes = Buffer.from(text, 'utf8')
        hash.update(bytes)
        this.bytes += bytes.length
        // `once` rejects if the stream fails while waiting, so an error never leaves the export waiting forever.
        if (!out.write(bytes)) await once(out, 'drain')
        if (failure) throw failure
      },
      close: async () => {
        out.end()
        await once(out, 'finish')
        if (failure) throw failure
        this.files.push({ rel, hex: hash.digest('hex') })
      },
    }
  }

  /** Writes a whole small file. */
  async file(rel: string, content: string): Promise<void> {
    const stream = await this.text(rel)
    await stream.write(content)
    await stream.close()
  }

  /** Copies a file byte for byte; resolves to the sha256 of the bytes copied. */
  async copy(source: string, rel: string): Promise<string> {
    const target = this.#abs(rel)
    await fs.mkdir(path.dirname(target), { recursive: true })
    const hash = createHash('sha256')
    const input = createReadStream(source)
    const out = createWriteStream(target, { flags: 'wx' })
    input.on('data', (chunk) => {
      hash.update(chunk)
      this.bytes += chunk.length
    })
    await pipeline(input, out)
    const hex = hash.digest('hex')
    this.files.push({ rel, hex })
    return hex
  }

  /** Writes `MANIFEST.sha256` listing every file written so far. */
  async manifest(): Promise<void> {
    const stream = await this.text(MANIFEST_FILE)
    for (const { rel, hex } of this.files) await stream.write(manifestLine(hex, rel))
    await stream.close()
  }
}
