/**
 * The CLI's command table: name → module in `./commands/<name>.ts`, loaded only when used.
 */
import type { CliCommand } from './command'

/** Every command; add one line per new command. */
export const commands: Record<string, () => Promise<CliCommand>> = {
  import: async () => (await import('./commands/import')).command,
  list: async () => (await import('./commands/list')).command,
  show: async () => (await import('./commands/show')).command,
  search: async () => (await import('./commands/search')).command,
  reindex: async () => (await import('./commands/reindex')).command,
  similar: async () => (await import('./commands/similar')).command,
  stories: async () => (await import('./commands/stories')).command,
  annotate: async () => (await import('./commands/annotate')).command,
  annotations: async () => (await import('./commands/annotations')).command,
  saved: async () => (await import('./commands/saved')).command,
  cite: async () => (await import('./commands/cite')).command,
  export: async () => (await import('./commands/export')).command,
  verify: async () => (await import('./commands/verify')).command,
  diff: async () => (await import('./commands/diff')).command,
  timeline: async () => (await import('./commands/timeline')).command,
}
