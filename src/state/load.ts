/**
 * Reads a local clone of the state branch for the metrics, the report and the audit check.
 * Every document is dispatched by its `kind` and validated; a document of a kind this version
 * does not read is skipped and counted (other features add kinds), and a broken, misplaced or
 * newer-schema one is a problem reported by path. Nothing read here is trusted further than that.
 * The lines of `archive/YYYY-MM.jsonl` (old months folded by the sweep) are read as the files they
 * were, so figures do not change when a month is folded.
 */
import { lstat, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { parseArchive, parseArchivePath } from './archive.js'
import { AUDIT_HEAD_PATH, isAuditMonthPath } from './audit.js'
import { fingerprintPath, parseFingerprintDoc, type FingerprintDoc } from './fingerprints.js'
import { fixPullDocSchema, fixPullPath, type FixPullDoc } from './fix-pulls.js'
import { recoveryDocSchema, recoveryPath, type RecoveryDoc } from './recoveries.js'
import { kindByPath } from './migrate.js'
import { SCHEMA_VERSION, runRecordPath } from './records.js'
import { parseRunAnalysis, type RunAnalysisDoc } from './run-analysis.js'

export { runAnalysisSchema, type RunAnalysisDoc } from './run-analysis.js'

/** Larger files are not read: no document ci-monitor writes comes near this. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024

const fingerprint = z.string().regex(/^[0-9a-f]{8,64}$/)

/** The part of a `run-recovery` record (`RecoveryRecord`: a re-run attempt passed) the metrics read. */
export const runRecoverySchema = z.object({
  schema_version: z.literal(SCHEMA_VERSION),
  kind: z.literal('run-recovery'),
  run: z.object({ id: z.number().int().positive(), attempt: z.number().int().positive() }),
  recorded_at: z.iso.datetime(),
  failed_attempts: z.array(z.number().int().positive()),
  flaky_fingerprints: z.array(fingerprint)
})

export type RunRecoveryDoc = z.infer<typeof runRecoverySchema>

export interface StateDocuments {
  runs: RunAnalysisDoc[]
  runRecoveries: RunRecoveryDoc[]
  fingerprints: FingerprintDoc[]
  recoveries: RecoveryDoc[]
  fixPulls: FixPullDoc[]
}

/** What was read and what was left out, shown by the report and the dashboard. */
export interface SourceSummary {
  /** Documents read and used, by kind. */
  used: Record<string, number>
  /** Valid documents of kinds the metrics do not read, by kind. */
  skipped: Record<string, number>
  /** Documents set aside by ci-monitor because they were broken (`quarantine/`). */
  quarantined: number
  problems: { path: string; problem: string }[]
}

export interface LoadedState {
  documents: StateDocuments
  audit: { files: { path: string; text: string }[]; head: string | null }
  summary: SourceSummary
}

export interface StateFile {
  /** Relative to the branch root, `/`-separated. */
  path: string
  text: string
}

/** Kinds ci-monitor writes that are not metrics input: read past without a word. */
const OWN_OUTPUTS = new Set(['dashboard-data'])

/** A document the metrics read, validated and where it belongs. */
export type StateDocument =
  | { kind: 'run-analysis'; doc: RunAnalysisDoc }
  | { kind: 'run-recovery'; doc: RunRecoveryDoc }
  | { kind: 'recovery'; doc: RecoveryDoc }
  | { kind: 'fix-pull'; doc: FixPullDoc }
  | { kind: 'fingerprint'; doc: FingerprintDoc }

/** What one `.json` file of the branch is: a document the metrics read, another kind, or a problem. */
export type DocumentRead = { read: 'document'; document: StateDocument } | { read: 'other'; kind: string } | { read: 'problem'; problem: string }

/** Reads one `.json` document of the state branch (pure): dispatched by its kind and validated. */
export function readDocument(path: string, text: string): DocumentRead {
  const problem = (problem: string): DocumentRead => ({ read: 'problem', problem })
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return problem('not valid JSON')
  }
  const header = raw as { kind?: unknown; schema_version?: unknown } | null
  const version = header?.schema_version
  // Version 0 documents may predate `kind`: where they are says what they are.
  const kind = typeof header?.kind === 'string' ? header.kind : version === undefined ? kindByPath(path) : null
  if (kind === null || (version !== undefined && typeof version !== 'number')) return problem('has no kind or schema_version: not a ci-monitor document')
  if (typeof version === 'number' && version > SCHEMA_VERSION) return problem(`written by a newer ci-monitor (schema_version ${version} > ${SCHEMA_VERSION}); upgrade to read it`)
  const accept = <T>(schema: z.ZodType<T>, expectedPath: (doc: T) => string, wrap: (doc: T) => StateDocument): DocumentRead => {
    const parsed = schema.safeParse(raw)
    if (!parsed.success) return problem(schemaProblem(parsed.error))
    if (expectedPath(parsed.data) !== path) return problem(`a ${kind} document that belongs at ${expectedPath(parsed.data)}: moved or copied by hand`)
    return { read: 'document', document: wrap(parsed.data) }
  }
  switch (kind) {
    case 'run-analysis': {
      const parsed = parseRunAnalysis(raw)
      if (!parsed.ok) return problem(parsed.problem)
      const expected = runRecordPath(parsed.doc.run.id, parsed.doc.run.attempt)
      if (expected !== path) return problem(`a run-analysis document that belongs at ${expected}: moved or copied by hand`)
      return { read: 'document', document: { kind, doc: parsed.doc } }
    }
    case 'run-recovery':
      return accept(runRecoverySchema, (doc) => runRecordPath(doc.run.id, doc.run.attempt), (doc) => ({ kind: 'run-recovery', doc }))
    case 'recovery':
      return accept(recoveryDocSchema, (doc) => recoveryPath(doc.run_id), (doc) => ({ kind: 'recovery', doc }))
    case 'fix-pull':
      return accept(fixPullDocSchema, (doc) => fixPullPath(doc.number), (doc) => ({ kind: 'fix-pull', doc }))
    case 'fingerprint': {
      const parsed = parseFingerprintDoc(text)
      if (!parsed.ok) return problem(parsed.problem)
      if (fingerprintPath(parsed.doc.fingerprint) !== path) return problem(`a fingerprint document that belongs at ${fingerprintPath(parsed.doc.fingerprint)}: moved or copied by hand`)
      return { read: 'document', document: { kind, doc: parsed.doc } }
    }
    default:
      return { read: 'other', kind }
  }
}

/**
 * Sorts the files of the state branch into documents (pure). The lines of `archive/` files are
 * read as the files they were folded from; a file at the same path on the branch (written again
 * after its month was folded) is the newer and is read instead.
 */
export function parseStateFiles(files: readonly StateFile[], unreadable: SourceSummary['problems'] = []): LoadedState {
  const documents: StateDocuments = { runs: [], runRecoveries: [], fingerprints: [], recoveries: [], fixPulls: [] }
  const summary: SourceSummary = { used: {}, skipped: {}, quarantined: 0, problems: [...unreadable] }
  const audit: LoadedState['audit'] = { files: [], head: null }
  const archived = archivedFiles(files, summary.problems)
  const problem = (path: string, text: string) => {
    const archive = archived.from.get(path)
    summary.problems.push({ path, problem: archive ? `${text} (archived in ${archive})` : text })
  }
  const used = (kind: string) => (summary.used[kind] = (summary.used[kind] ?? 0) + 1)

  for (const file of [...files, ...archived.files].sort((a, b) => a.path.localeCompare(b.path))) {
    const { path, text } = file
    if (path.startsWith('quarantine/')) {
      summary.quarantined++
      continue
    }
    if (path.endsWith('.jsonl')) {
      if (isAuditMonthPath(path)) audit.files.push({ path, text })
      else if (path.startsWith('audit/')) problem(path, 'not a monthly audit file (audit/YYYY-MM.jsonl)')
      else if (path.startsWith('archive/') && parseArchivePath(path) === null) problem(path, 'not a monthly archive file (archive/YYYY-MM.jsonl)')
      continue
    }
    if (!path.endsWith('.json')) continue
    if (path === AUDIT_HEAD_PATH) {
      audit.head = text
      continue
    }
    const read = readDocument(path, text)
    if (read.read === 'problem') {
      problem(path, read.problem)
    } else if (read.read === 'other') {
      if (!OWN_OUTPUTS.has(read.kind)) summary.skipped[read.kind] = (summary.skipped[read.kind] ?? 0) + 1
    } else {
      const { document } = read
      if (document.kind === 'run-analysis') documents.runs.push(document.doc)
      else if (document.kind === 'run-recovery') documents.runRecoveries.push(document.doc)
      else if (document.kind === 'recovery') documents.recoveries.push(document.doc)
      else if (document.kind === 'fix-pull') documents.fixPulls.push(document.doc)
      else documents.fingerprints.push(document.doc)
      used(document.kind)
    }
  }
  return { documents, audit, summary }
}

/**
 * The documents folded into `archive/` files, as the files they were (those still on the branch
 * aside). Parts are read month by month: should a path be in two months, the later month's line
 * is the later write. Lines that are not archive lines are reported; the rest are read.
 */
function archivedFiles(files: readonly StateFile[], problems: SourceSummary['problems']): { files: StateFile[]; from: Map<string, string> } {
  const parts = files
    .map((file) => ({ file, at: parseArchivePath(file.path) }))
    .filter((part): part is { file: StateFile; at: { month: string; part: number } } => part.at !== null)
    .sort((a, b) => a.at.month.localeCompare(b.at.month) || a.at.part - b.at.part)
  const found = new Map<string, { text: string; archive: string }>()
  for (const { file } of parts) {
    const parsed = parseArchive(file.text)
    for (const { line, problem } of parsed.problems) problems.push({ path: file.path, problem: `line ${line}: ${problem}` })
    for (const line of parsed.lines) found.set(line.path, { text: line.original, archive: file.path })
  }
  const live = new Set(files.map((file) => file.path))
  const from = new Map<string, string>()
  const virtual: StateFile[] = []
  for (const [path, { text, archive }] of found) {
    if (live.has(path)) continue
    virtual.push({ path, text })
    from.set(path, archive)
  }
  return { files: virtual, from }
}

function schemaProblem(error: z.ZodError): string {
  const issue = error.issues[0]
  return `does not match the schema (${issue?.path.join('.') || 'document'}: ${issue?.message})`
}

/**
 * Reads the `.json` and `.jsonl` files of a local clone of the state branch (`.git` aside).
 * Symbolic links are not followed and oversized files are not read: both are reported instead.
 */
export async function readStateDir(dir: string): Promise<{ files: StateFile[]; problems: SourceSummary['problems'] }> {
  const files: StateFile[] = []
  const problems: SourceSummary['problems'] = []
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(join(dir, relative), { withFileTypes: true })
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`
      if (relative === '' && entry.name === '.git') continue
      if (entry.isSymbolicLink()) {
        problems.push({ path, problem: 'a symbolic link: not followed' })
      } else if (entry.isDirectory()) {
        await walk(path)
      } else if (entry.isFile() && /\.jsonl?$/.test(entry.name)) {
        const { size } = await lstat(join(dir, path))
        if (size > MAX_DOCUMENT_BYTES) problems.push({ path, problem: `${size} bytes: larger than any ci-monitor document, not read` })
        else files.push({ path, text: await readFile(join(dir, path), 'utf8') })
      }
    }
  }
  await walk('')
  return { files, problems }
}

/** `readStateDir` then `parseStateFiles`. */
export async function loadStateDir(dir: string): Promise<LoadedState> {
  const { files, problems } = await readStateDir(dir)
  return parseStateFiles(files, problems)
}
