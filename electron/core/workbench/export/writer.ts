/**
 * What every export format implements: take articles a batch at a time, then finish its files.
 */
import type { Article } from '../../../shared/models'

/** One format's writer over an export folder. */
export interface FormatWriter {
  /** Writes one batch of articles (in selection order). */
  add(batch: readonly Article[]): Promise<void>
  /** Closes the format's files (the manifest is written after). */
  finish(): Promise<void>
}
