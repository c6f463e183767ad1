/**
 * Plain aligned columns for human output.
 */

/** Longest a cell may be before it is cut with '…'. */
const MAX_CELL = 60

function cut(cell: string, max: number): string {
  const chars = [...cell.replace(/\s+/g, ' ')]
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : chars.join('')
}

/** Formats rows under a header as left-aligned columns (the last column is not padded). */
export function formatTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows].map((row) =>
    row.map((cell, i) => (i === row.length - 1 ? cut(cell, 100) : cut(cell, MAX_CELL))),
  )
  const widths = header.map((_, i) => Math.max(...all.map((row) => [...(row[i] ?? '')].length)))
  return all
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - [...cell].length)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n')
}
