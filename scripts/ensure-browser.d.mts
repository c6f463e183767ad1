/** The one line a user sees when no Chromium can be found or installed. */
export const MISSING_BROWSER: string

/** The first Chromium found ($CHROMIUM_PATH, Debian's, playwright's own), or null. */
export function findChromium(env?: NodeJS.ProcessEnv): Promise<string | null>
