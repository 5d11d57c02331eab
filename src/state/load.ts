/**
 * Reads a local clone of the state branch for the metrics, the report and the audit check.
 * Every document is dispatched by its `kind` and validated; a document of a kind this version
 * does not read is skipped and counted (other features add kinds), and a broken, misplaced or
 * newer-schema one is a problem reported by path. Nothing read here is trusted further than that.
 */
import { lstat, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
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

/** Sorts the files of the state branch into documents (pure). */
export function parseStateFiles(files: readonly StateFile[], unreadable: SourceSummary['problems'] = []): LoadedState {
  const documents: StateDocuments = { runs: [], runRecoveries: [], fingerprints: [], recoveries: [], fixPulls: [] }
  const summary: SourceSummary = { used: {}, skipped: {}, quarantined: 0, problems: [...unreadable] }
  const audit: LoadedState['audit'] = { files: [], head: null }
  const problem = (path: string, text: string) => summary.problems.push({ path, problem: text })
  const used = (kind: string) => (summary.used[kind] = (summary.used[kind] ?? 0) + 1)

  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const { path, text } = file
    if (path.startsWith('quarantine/')) {
      summary.quarantined++
      continue
    }
    if (path.endsWith('.jsonl')) {
      if (isAuditMonthPath(path)) audit.files.push({ path, text })
      else if (path.startsWith('audit/')) problem(path, 'not a monthly audit file (audit/YYYY-MM.jsonl)')
      continue
    }
    if (!path.endsWith('.json')) continue
    if (path === AUDIT_HEAD_PATH) {
      audit.head = text
      continue
    }
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      problem(path, 'not valid JSON')
      continue
    }
    const header = raw as { kind?: unknown; schema_version?: unknown } | null
    const version = header?.schema_version
    // Version 0 documents may predate `kind`: where they are says what they are.
    const kind = typeof header?.kind === 'string' ? header.kind : version === undefined ? kindByPath(path) : null
    if (kind === null || (version !== undefined && typeof version !== 'number')) {
      problem(path, 'has no kind or schema_version: not a ci-monitor document')
      continue
    }
    if (typeof version === 'number' && version > SCHEMA_VERSION) {
      problem(path, `written by a newer ci-monitor (schema_version ${version} > ${SCHEMA_VERSION}); upgrade to read it`)
      continue
    }
    if (OWN_OUTPUTS.has(kind)) continue
    const accept = <T>(schema: z.ZodType<T>, expectedPath: (doc: T) => string, add: (doc: T) => void): void => {
      const parsed = schema.safeParse(raw)
      if (!parsed.success) {
        problem(path, schemaProblem(parsed.error))
      } else if (expectedPath(parsed.data) !== path) {
        problem(path, `a ${kind} document that belongs at ${expectedPath(parsed.data)}: moved or copied by hand`)
      } else {
        add(parsed.data)
        used(kind)
      }
    }
    switch (kind) {
      case 'run-analysis': {
        const parsed = parseRunAnalysis(raw)
        if (!parsed.ok) problem(path, parsed.problem)
        else if (runRecordPath(parsed.doc.run.id, parsed.doc.run.attempt) !== path) problem(path, `a run-analysis document that belongs at ${runRecordPath(parsed.doc.run.id, parsed.doc.run.attempt)}: moved or copied by hand`)
        else {
          documents.runs.push(parsed.doc)
          used(kind)
        }
        break
      }
      case 'run-recovery':
        accept(runRecoverySchema, (doc) => runRecordPath(doc.run.id, doc.run.attempt), (doc) => documents.runRecoveries.push(doc))
        break
      case 'recovery':
        accept(recoveryDocSchema, (doc) => recoveryPath(doc.run_id), (doc) => documents.recoveries.push(doc))
        break
      case 'fix-pull':
        accept(fixPullDocSchema, (doc) => fixPullPath(doc.number), (doc) => documents.fixPulls.push(doc))
        break
      case 'fingerprint': {
        const parsed = parseFingerprintDoc(text)
        if (!parsed.ok) problem(path, parsed.problem)
        else if (fingerprintPath(parsed.doc.fingerprint) !== path) problem(path, `a fingerprint document that belongs at ${fingerprintPath(parsed.doc.fingerprint)}: moved or copied by hand`)
        else {
          documents.fingerprints.push(parsed.doc)
          used(kind)
        }
        break
      }
      default:
        summary.skipped[kind] = (summary.skipped[kind] ?? 0) + 1
    }
  }
  return { documents, audit, summary }
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
