/** Command dispatch for `ci-monitor <command>`; every command writes to the given streams. */
import { analyzeCommand } from './analyze.js'

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
  analyze PATH [--json]   Diagnose a CI job log saved to a local file.

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
  io.stderr.write(`ci-monitor: unknown command '${printable(command)}' (see --help)\n`)
  return USAGE_ERROR
}

/** Arguments are echoed in error messages: keep them to one plain line. */
export function printable(text: string): string {
  const plain = text.replace(/[\x00-\x1f\x7f-\x9f]/g, '?')
  return plain.length > 200 ? `${plain.slice(0, 199)}…` : plain
}
