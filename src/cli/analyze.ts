/**
 * `ci-monitor analyze PATH [--json] [--green GREEN_PATH]`: the diagnosis of a job log saved to a
 * local file, streamed through the same triage and classification the action runs. `--green`
 * names the same job's log from a successful run, the comparison the action makes with the last
 * green run.
 */
import { open, type FileHandle } from 'node:fs/promises'
import { CATEGORIES } from '../classify/categories.js'
import { classify } from '../classify/index.js'
import type { Diagnosis } from '../classify/types.js'
import { buildBaseline, triageStream, type Baseline } from '../triage/index.js'
import type { Triage } from '../triage/types.js'
import { USAGE, USAGE_ERROR, printable, type CliIO } from './run.js'

const CHUNK = 1024 * 1024

interface AnalyzeArgs {
  path: string
  json: boolean
  green: string | null
}

export async function analyzeCommand(args: readonly string[], io: CliIO): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout.write(USAGE)
    return 0
  }
  const parsed = parseArgs(args)
  if (typeof parsed === 'string') {
    io.stderr.write(`ci-monitor analyze: ${parsed} (usage: ci-monitor analyze PATH [--json] [--green GREEN_PATH])\n`)
    return USAGE_ERROR
  }
  let baseline: Baseline | null = null
  if (parsed.green !== null) {
    const green = parsed.green
    try {
      baseline = await withFile(green, (handle) => buildBaseline(handle.createReadStream({ highWaterMark: CHUNK, autoClose: false })))
    } catch (error) {
      io.stderr.write(`ci-monitor analyze: cannot read ${printable(green)}: ${reason(error)}\n`)
      return USAGE_ERROR
    }
  }
  try {
    const triage = await withFile(parsed.path, (handle) => triageStream(handle.createReadStream({ highWaterMark: CHUNK, autoClose: false }), baseline ? { baseline } : {}))
    const diagnosis = classify(triage)
    io.stdout.write(parsed.json ? `${JSON.stringify(toJson(triage, diagnosis))}\n` : report(parsed.path, triage, diagnosis))
    return 0
  } catch (error) {
    io.stderr.write(`ci-monitor analyze: cannot read ${printable(parsed.path)}: ${reason(error)}\n`)
    return USAGE_ERROR
  }
}

/** Opens a file (not a directory) for `use`, and closes it whatever happens. */
async function withFile<T>(path: string, use: (handle: FileHandle) => Promise<T>): Promise<T> {
  const handle = await open(path, 'r')
  try {
    if ((await handle.stat()).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
    return await use(handle)
  } finally {
    await handle.close()
  }
}

function parseArgs(args: readonly string[]): AnalyzeArgs | string {
  let json = false
  let green: string | null = null
  const paths: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--json') json = true
    else if (arg === '--green' || arg.startsWith('--green=')) {
      if (green !== null) return '--green given twice'
      const value = arg === '--green' ? args[++i] : arg.slice('--green='.length)
      if (!value) return '--green needs a path'
      green = value
    } else if (arg === '--') continue
    else if (arg.startsWith('-') && arg !== '-') return `unknown option '${printable(arg)}'`
    else paths.push(arg)
  }
  if (paths.length === 0) return 'missing PATH'
  if (paths.length > 1) return 'expected one PATH'
  return { path: paths[0]!, json, green }
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code
  const messages: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EISDIR: 'is a directory',
    ENOTDIR: 'not a directory',
    ELOOP: 'too many symbolic links'
  }
  if (typeof code === 'string') return messages[code] ?? code
  return printable(error instanceof Error ? error.message : String(error))
}

/** The machine-readable verdict; `excerpt.lines` are 1-based inclusive ranges of the input file. */
export function toJson(triage: Triage, diagnosis: Diagnosis): Record<string, unknown> {
  return {
    owner: diagnosis.owner,
    category: diagnosis.category,
    confidence: diagnosis.confidence,
    transient: diagnosis.transient,
    summary: diagnosis.summary,
    fingerprint: triage.fingerprint,
    excerpt: { lines: triage.excerpt.ranges.map((r) => [r.start, r.end]) },
    fix: diagnosis.fix,
    engine: diagnosis.engine,
    ruleId: diagnosis.ruleId,
    ...(triage.baseline ? { comparedWithGreen: { lines: triage.baseline.lines, demoted: triage.baseline.demoted } } : {})
  }
}

function report(path: string, triage: Triage, diagnosis: Diagnosis): string {
  const step = triage.failingStep
  const rows: [string, string][] = [
    ['Log', `${printable(path)} (${triage.totalLines} lines${triage.truncated ? ', truncated' : ''})`],
    ['Verdict', `${diagnosis.owner} · ${CATEGORIES[diagnosis.category].title} (${diagnosis.category}) · confidence ${diagnosis.confidence.toFixed(2)}`],
    ['Transient', diagnosis.transient ? 'yes: a re-run will likely pass' : 'no'],
    ['Summary', diagnosis.summary],
    ['Rule', `${diagnosis.ruleId ?? 'none matched'} (${diagnosis.engine})`]
  ]
  if (step) rows.push(['Step', `${step.name}${step.number !== null ? ` (#${step.number})` : ''}, lines ${step.range.start}-${step.range.end}`])
  if (diagnosis.fix) rows.push(['Fix', `${diagnosis.fix.kind}: ${diagnosis.fix.description}`])
  rows.push(['Fingerprint', triage.fingerprint])
  const width = Math.max(...rows.map(([k]) => k.length))
  const out = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`)
  const numberWidth = String(triage.excerpt.lines.at(-1)?.n ?? 0).length
  out.push('', triage.excerpt.lines.length > 0 ? 'Excerpt:' : 'Excerpt: (empty)')
  let previous = 0
  for (const line of triage.excerpt.lines) {
    if (previous !== 0 && line.n !== previous + 1) out.push(`${' '.repeat(numberWidth)} ...`)
    out.push(`${String(line.n).padStart(numberWidth)} | ${line.text}`)
    previous = line.n
  }
  return `${out.join('\n')}\n`
}
