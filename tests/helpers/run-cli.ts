/**
 * Runs the CLI in-process and captures what it prints, for the CLI's tests.
 */
import { runCli } from '../../electron/cli/main'
import { sampleText, type TempDir } from './temp-library'

/** What one CLI run gave. */
export interface CliRun {
  status: number
  stdout: string
  stderr: string
}

/** Runs `broadsheet ARGS…` with stderr not a terminal and the given environment. */
export async function runCliCaptured(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const status = await runCli(args, {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    stderrIsTTY: false,
    env,
  })
  return { status, stdout, stderr }
}

/** Writes a small library for the search commands: a phrase, the same words apart, and a Russian article. */
export function writeSearchLibrary(lib: TempDir): void {
  lib.write('harbour/port.txt', sampleText('River port opens', 'The new river port opened on Monday with two cranes.'))
  lib.write('harbour/quay.txt', sampleText('Quay repairs', 'The port river channel was dredged near the quay.'))
  lib.write('ru/most.txt', sampleText('Мост открыт', 'Строительство моста через реку завершено.'))
}
