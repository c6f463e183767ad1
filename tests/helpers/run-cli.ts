/**
 * Runs the CLI in-process and captures what it prints, for the CLI's tests.
 */
import { runCli } from '../../electron/cli/main'

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
