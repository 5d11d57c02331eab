/**
 * `ci-monitor audit verify --state DIR`: checks the hash-chained audit trail of a local clone of
 * the state branch. Exit 0 when intact, 1 at the first broken line (named, with why), 2 for usage
 * mistakes and an unreadable directory.
 */
import { AUDIT_HEAD_PATH, verifyTrail } from '../state/audit.js'
import { readStateDir } from '../state/load.js'
import { parseOptions } from './options.js'
import { USAGE, USAGE_ERROR, printable, type CliIO } from './run.js'

const SYNOPSIS = 'ci-monitor audit verify --state DIR'

export async function auditCommand(args: readonly string[], io: CliIO): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout.write(USAGE)
    return 0
  }
  const [subcommand, ...rest] = args
  if (subcommand !== 'verify') {
    io.stderr.write(`ci-monitor audit: ${subcommand === undefined ? 'missing subcommand' : `unknown subcommand '${printable(subcommand)}'`} (usage: ${SYNOPSIS})\n`)
    return USAGE_ERROR
  }
  const options = parseOptions(rest, ['state'])
  const state = typeof options === 'string' ? options : (options.get('state') ?? 'missing --state DIR (a local clone of the state branch)')
  if (typeof options === 'string' || !options.has('state')) {
    io.stderr.write(`ci-monitor audit verify: ${state} (usage: ${SYNOPSIS})\n`)
    return USAGE_ERROR
  }

  let read: Awaited<ReturnType<typeof readStateDir>>
  try {
    read = await readStateDir(state)
  } catch (error) {
    const code = (error as { code?: unknown }).code
    io.stderr.write(`ci-monitor audit verify: cannot read ${printable(state)}: ${code === 'ENOENT' ? 'no such directory' : code === 'ENOTDIR' ? 'not a directory' : printable(String(error))}\n`)
    return USAGE_ERROR
  }
  // A file of the trail that could not be read (a symbolic link, an oversized file) is a failure.
  const unreadable = read.problems.find((p) => p.path.startsWith('audit/'))
  if (unreadable) {
    io.stdout.write(`${printable(unreadable.path)}: ${printable(unreadable.problem)}\nAudit trail NOT verified.\n`)
    return 1
  }
  // Any other file under audit/ fails the check: the trail is the monthly files and HEAD only.
  const files = read.files.filter((f) => f.path.startsWith('audit/') && f.path !== AUDIT_HEAD_PATH)
  const verdict = verifyTrail(files, read.files.find((f) => f.path === AUDIT_HEAD_PATH)?.text ?? null)
  for (const file of verdict.files) io.stdout.write(`${file.path}  ${file.entries} entr${file.entries === 1 ? 'y' : 'ies'}  intact\n`)
  if (!verdict.ok && verdict.failure) {
    const { path, line, reason } = verdict.failure
    io.stdout.write(`${printable(path)}${line !== null ? ` line ${line}` : ''}: ${reason}\nAudit trail BROKEN: do not trust entries from this point on.\n`)
    return 1
  }
  if (verdict.entries === 0) {
    io.stdout.write('No audit trail yet (no audit/YYYY-MM.jsonl files).\n')
    return 0
  }
  io.stdout.write(`Audit trail intact: ${verdict.entries} entries in ${verdict.files.length} file${verdict.files.length === 1 ? '' : 's'}, chained from genesis; tip ${verdict.tip}.\n`)
  return 0
}
