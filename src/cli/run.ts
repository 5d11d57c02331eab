/** Command dispatch for `ci-monitor <command>`; every command writes to the given streams. */
import { analyzeCommand } from './analyze.js'
import { auditCommand } from './audit.js'
import { reportCommand } from './report.js'

export interface Output {
  write(text: string): unknown
}

export interface CliIO {
  stdout: Output
  stderr: Output
}

/** Exit code for usage errors and unreadable input, as distinct from a failed analysis (1). */
export const USAGE_ERROR = 2

export const USAGE = `Usage: ci-monitor <command>

Commands:
  analyze PATH [--json] [--green GREEN_PATH]
                          Diagnose a CI job log saved to a local file; with --green, compare it
                          with the same job's log from a successful run.
  report --state DIR [--window 7|30|90] [--format text|markdown|json] [--as-of TIME]
                          Figures (failures, auto-fixed, flaky, re-runs, fix PRs, time to
                          recovery, LLM use, notifications) from a local clone of the state
                          branch, over the last 7, 30 (default) or 90 days.
  audit verify --state DIR
                          Check the hash-chained audit trail of a local clone of the state
                          branch: exit 0 if intact, 1 at the first broken entry.

Options:
  -h, --help              Show this help.
`

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv
  if (command === '-h' || command === '--help') {
    io.stdout.write(USAGE)
    return 0
  }
  if (command === undefined) {
    io.stderr.write('ci-monitor: missing command (see --help)\n')
    return USAGE_ERROR
  }
  if (command === 'analyze') return analyzeCommand(rest, io)
  if (command === 'report') return reportCommand(rest, io)
  if (command === 'audit') return auditCommand(rest, io)
  io.stderr.write(`ci-monitor: unknown command '${printable(command)}' (see --help)\n`)
  return USAGE_ERROR
}

/** Arguments are echoed in error messages: keep them to one plain line. */
export function printable(text: string): string {
  const plain = text.replace(/[\x00-\x1f\x7f-\x9f]/g, '?')
  return plain.length > 200 ? `${plain.slice(0, 199)}…` : plain
}
