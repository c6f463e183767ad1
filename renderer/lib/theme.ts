/**
 * The reader's colour themes, for the framed article HTML (the app's own CSS has the same palette).
 */
import type { Theme } from '../../electron/shared/models'

/** Foreground, background and link colour of each concrete theme. */
export const palettes = {
  light: { fg: '#1d1d1f', bg: '#ffffff', link: '#0b57d0' },
  dark: { fg: '#e6e6e6', bg: '#17181a', link: '#8ab4f8' },
  sepia: { fg: '#3b2f22', bg: '#f4ecd8', link: '#7a3e00' },
} as const

const rule = (p: { fg: string; bg: string; link: string }) => `body{color:${p.fg};background:${p.bg}}a{color:${p.link}}`

/** CSS for a framed document in `theme`; 'system' follows the OS through a media query. */
export function themeColors(theme: Theme): string {
  if (theme === 'system') return `${rule(palettes.light)}@media (prefers-color-scheme: dark){${rule(palettes.dark)}}`
  return rule(palettes[theme])
}
