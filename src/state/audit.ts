/**
 * The audit trail: one JSON line per thing ci-monitor decided or did, in monthly files
 * `audit/<YYYY>-<MM>.jsonl` on the state branch. Every line carries the SHA-256 of the line before
 * it (`prev`) and its own (`hash`), and the chain runs across months from a fixed genesis value,
 * so an edited, removed, inserted or reordered line is detectable. `audit/HEAD.json` names the tip
 * of the chain, so a trail cut short at its end is detectable too.
 *
 * Everything here is pure except `auditFileChanges`, which only calls the reader it is given.
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { Config } from '../context/config.js'
import type { Inputs } from '../context/inputs.js'
import type { TextChange } from '../github/git.js'
import { capText } from '../notify/escape.js'
import { SCHEMA_VERSION, serialize, type EffectKind, type RunRecord } from './records.js'

/** `prev` of the very first entry of the trail. */
export const AUDIT_GENESIS = '0'.repeat(64)
export const AUDIT_HEAD_PATH = 'audit/HEAD.json'
/** Details are capped so one hostile error message cannot bloat the trail. */
export const MAX_DETAIL_CHARS = 1000

const MONTH_FILE = /^audit\/(\d{4})-(0[1-9]|1[0-2])\.jsonl$/

/**
 * What an entry records. Effects use the run record's effect kinds; `approval` and `refusal` are
 * for the approval flow and the safety gate. Readers accept any lower-case kind, so a trail written
 * by a newer ci-monitor still verifies.
 */
export type AuditKind = 'analysis' | 'gate-verdict' | 'approval' | 'refusal' | EffectKind

export interface AuditActor {
  /** The identity of the token ci-monitor acted with (`github-actions[bot]`, an App's bot login). */
  token_login: string | null
  /** The user whose action triggered the run (`triggering_actor`). */
  triggered_by: string | null
}

export interface AuditEntryInput {
  at: string
  kind: AuditKind
  actor: AuditActor
  run_id: number | null
  attempt: number | null
  fingerprint: string | null
  /** `inputsDigest` of the effective configuration and inputs the decision was made with. */
  inputs_digest: string | null
  outcome: string
  detail: string
}

export interface AuditEntry extends Omit<AuditEntryInput, 'kind'> {
  /** 1-based position in its monthly file. */
  seq: number
  kind: string
  /** `hash` of the entry before (the previous month's last entry for a month's first entry). */
  prev: string
  /** SHA-256 (hex) of `prev` + the canonical JSON of this entry without `hash`. */
  hash: string
}

/** The tip of the chain, kept in `audit/HEAD.json`. */
export interface AuditHead {
  schema_version: typeof SCHEMA_VERSION
  kind: 'audit-head'
  path: string
  seq: number
  hash: string
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/)

const actorSchema = z.strictObject({ token_login: z.string().nullable(), triggered_by: z.string().nullable() })

const entryFields = {
  at: z.iso.datetime(),
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  actor: actorSchema,
  run_id: z.number().int().positive().nullable(),
  attempt: z.number().int().positive().nullable(),
  fingerprint: z.string().regex(/^[0-9a-f]{8,64}$/).nullable(),
  inputs_digest: sha256Hex.nullable(),
  outcome: z.string().min(1).max(100),
  detail: z.string().max(MAX_DETAIL_CHARS)
}

const entryInputSchema = z.strictObject(entryFields)
// Strict: a field added to a written line is an edit, even though the hash would not cover it.
const entrySchema = z.strictObject({ ...entryFields, seq: z.number().int().positive(), prev: sha256Hex, hash: sha256Hex })

const headSchema = z.strictObject({
  schema_version: z.literal(SCHEMA_VERSION),
  kind: z.literal('audit-head'),
  path: z.string().regex(MONTH_FILE),
  seq: z.number().int().positive(),
  hash: sha256Hex
})

/**
 * JSON with object keys sorted (by UTF-16 code units) and no whitespace: one text per value,
 * whatever order the fields were built in (the RFC 8785 ordering; numbers as JSON.stringify writes them).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonical JSON has no representation for a non-finite number')
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`
  }
  throw new Error(`canonical JSON has no representation for a ${typeof value}`)
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** The hash of an entry as written: everything but `hash` itself, chained to `prev`. */
function hashOf(entry: Record<string, unknown>): string {
  const { hash: _hash, ...rest } = entry
  return sha256(String(rest['prev']) + canonicalJson(rest))
}

/** The monthly file an entry appended at `at` belongs to (UTC). */
export function auditPath(at: Date): string {
  return `audit/${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}.jsonl`
}

export function isAuditMonthPath(path: string): boolean {
  return MONTH_FILE.test(path)
}

// ---------------------------------------------------------------------------------------------
// What goes in

const INPUT_FIELDS: { [K in keyof Inputs]-?: 'value' | 'secret' | 'url' } = {
  githubToken: 'secret',
  runId: 'value',
  configPath: 'value',
  llmApiKey: 'secret',
  llmBaseUrl: 'url',
  llmModel: 'value',
  llmTimeoutSeconds: 'value',
  llmTokenBudget: 'value',
  slackBotToken: 'secret',
  slackChannel: 'value',
  slackApiUrl: 'url',
  fixToken: 'secret',
  stateBranch: 'value',
  dryRun: 'value',
  approval: 'value',
  mode: 'value'
}

/**
 * SHA-256 of the effective configuration and inputs, without secrets: the same settings give the
 * same digest, so the trail shows when a decision was made under other settings. A secret input
 * is represented only by whether it was set (it changes what ci-monitor may do), and URLs lose any
 * credentials. Every input must be classified above: a new input does not compile until it is.
 */
export function inputsDigest(config: Config, inputs: Inputs): string {
  const effective: Record<string, unknown> = {}
  for (const key of Object.keys(INPUT_FIELDS) as (keyof Inputs)[]) {
    const value = inputs[key]
    const treatment = INPUT_FIELDS[key]
    if (treatment === 'secret') effective[`${key}_set`] = value !== ''
    else if (treatment === 'url') effective[key] = withoutCredentials(String(value))
    else effective[key] = value
  }
  return sha256(canonicalJson({ config, inputs: effective }))
}

function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.username = ''
    parsed.password = ''
    return parsed.href
  } catch {
    return url
  }
}

/** Decisions that deliver a fix; any other decision on a failure that had one refused it. */
const FIX_DELIVERED = new Set(['open-pr', 'deliver-patch'])

/**
 * The entries one analysed run attempt adds: per job its analysis and the gate's verdict (and a
 * refusal when a fix was diagnosed but not delivered), then every effect (pull request, re-run,
 * Slack message, patch …) with its outcome.
 */
export function auditEntriesForRun(record: RunRecord, context: { actor: AuditActor; inputsDigest: string | null }): AuditEntryInput[] {
  const base = { actor: context.actor, run_id: record.run.id, attempt: record.run.attempt, inputs_digest: context.inputsDigest }
  const entries: AuditEntryInput[] = []
  for (const job of record.jobs) {
    const { diagnosis } = job
    entries.push({
      ...base,
      at: record.analysed_at,
      kind: 'analysis',
      fingerprint: job.fingerprint,
      outcome: `${diagnosis.owner}/${diagnosis.category}`,
      detail: `${job.name}: ${diagnosis.rule_id ? `rule ${diagnosis.rule_id}` : diagnosis.engine}, confidence ${diagnosis.confidence.toFixed(2)}`
    })
    entries.push({
      ...base,
      at: record.analysed_at,
      kind: 'gate-verdict',
      fingerprint: job.fingerprint,
      outcome: job.decision.action,
      detail: `${job.name}: ${job.decision.reasons.join(' ')}`
    })
    if (diagnosis.fix !== null && !FIX_DELIVERED.has(job.decision.action)) {
      entries.push({
        ...base,
        at: record.analysed_at,
        kind: 'refusal',
        fingerprint: job.fingerprint,
        outcome: `${diagnosis.fix}-not-applied`,
        detail: `${job.name}: the ${diagnosis.fix} fix was not applied; ${job.decision.action} instead.`
      })
    }
  }
  for (const effect of record.effects) {
    entries.push({
      ...base,
      at: effect.at,
      kind: effect.kind,
      fingerprint: null,
      outcome: effect.outcome,
      detail: effect.url ? `${effect.detail} ${effect.url}` : effect.detail
    })
  }
  return entries
}

// ---------------------------------------------------------------------------------------------
// Appending

export class AuditChainError extends Error {}

export interface AppendResult {
  /** The file's new text (unchanged when nothing was new). */
  text: string
  appended: AuditEntry[]
  /** Entries skipped because the file already holds them (a re-delivered event, a retried write). */
  duplicates: number
  /** The file's last entry after the append, null if it is still empty. */
  tip: { seq: number; hash: string } | null
}

/**
 * Appends entries to a monthly file's text, chained to its last line (or to `previousHash`, the
 * tip of the chain before this month, when the file is new). An entry the file already holds —
 * same kind, run, attempt, fingerprint, outcome and detail; time and actor aside — is skipped, so
 * calling this again on a fresh read after a lost race, or for a re-delivered event, never
 * appends twice. Throws `AuditChainError` when the existing text cannot be extended.
 */
export function appendEntries(existingText: string | null, entries: readonly AuditEntryInput[], previousHash: string = AUDIT_GENESIS): AppendResult {
  if (!sha256Hex.safeParse(previousHash).success) throw new AuditChainError('previousHash must be a SHA-256 hex digest')
  const existing = existingText ?? ''
  const known = new Set<string>()
  let tip: { seq: number; hash: string } | null = null
  const lines = existing.split('\n')
  if (lines.at(-1) === '') lines.pop()
  for (const [index, line] of lines.entries()) {
    let raw: unknown
    try {
      raw = JSON.parse(line)
    } catch {
      throw new AuditChainError(`line ${index + 1} is not valid JSON`)
    }
    const parsed = entrySchema.safeParse(raw)
    if (!parsed.success) throw new AuditChainError(`line ${index + 1} is not an audit entry`)
    known.add(idempotencyKey(parsed.data))
    tip = { seq: parsed.data.seq, hash: parsed.data.hash }
  }

  const appended: AuditEntry[] = []
  let duplicates = 0
  for (const input of entries) {
    const normalised = normalise(input)
    const key = idempotencyKey(normalised)
    if (known.has(key)) {
      duplicates++
      continue
    }
    known.add(key)
    const unhashed = { ...normalised, seq: (tip?.seq ?? 0) + 1, prev: tip?.hash ?? previousHash }
    const entry: AuditEntry = { ...unhashed, hash: hashOf(unhashed) }
    appended.push(entry)
    tip = { seq: entry.seq, hash: entry.hash }
  }
  if (appended.length === 0) return { text: existing, appended, duplicates, tip }
  const prefix = existing === '' || existing.endsWith('\n') ? existing : `${existing}\n`
  return { text: prefix + appended.map((entry) => `${canonicalJson(entry)}\n`).join(''), appended, duplicates, tip }
}

function normalise(input: AuditEntryInput): AuditEntryInput {
  const entry = { ...input, actor: { ...input.actor }, detail: capText(input.detail, MAX_DETAIL_CHARS) }
  const parsed = entryInputSchema.safeParse(entry)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AuditChainError(`not a valid audit entry (${issue?.path.join('.') || 'entry'}: ${issue?.message})`)
  }
  return entry
}

function idempotencyKey(entry: Pick<AuditEntryInput, 'run_id' | 'attempt' | 'fingerprint' | 'outcome' | 'detail'> & { kind: string }): string {
  return canonicalJson([entry.kind, entry.run_id, entry.attempt, entry.fingerprint, entry.outcome, entry.detail])
}

export interface AuditWrite {
  changes: TextChange[]
  appended: number
  duplicates: number
  /** Why nothing was appended although there were entries (the trail needs a person), or null. */
  problem: string | null
}

/**
 * The files to write to append entries to the trail, computed from the branch tip through `read`
 * (the state store's reader, called again after every lost race). The entries go to the newest
 * month, never an older one, so a writer whose clock lags cannot fork the chain at a month
 * boundary. When the trail does not match its HEAD it was changed outside ci-monitor: nothing is
 * appended (appending would bury the evidence) and `problem` says so.
 */
export async function auditFileChanges(
  read: (path: string) => Promise<string | null>,
  entries: readonly AuditEntryInput[],
  now: Date
): Promise<AuditWrite> {
  const none = (problem: string | null): AuditWrite => ({ changes: [], appended: 0, duplicates: 0, problem })
  if (entries.length === 0) return none(null)
  const refuse = (why: string) => none(`${why}: audit entries not appended. Run \`ci-monitor audit verify\` on a clone of the state branch.`)

  const headText = await read(AUDIT_HEAD_PATH)
  const head = headText === null ? null : parseHead(headText)
  if (head === 'invalid') return refuse(`${AUDIT_HEAD_PATH} is not readable`)
  const own = auditPath(now)
  const path = head && head.path > own ? head.path : own
  const text = await read(path)
  let previousHash = AUDIT_GENESIS
  let lastEntry: { seq: number; hash: string } | null
  try {
    lastEntry = appendEntries(text, []).tip
  } catch (error) {
    return refuse(`${path} ${(error as Error).message}`)
  }
  if (lastEntry === null) {
    if (head && head.path === path) return refuse(`${path} is missing or empty but ${AUDIT_HEAD_PATH} points into it`)
    if (head) previousHash = head.hash
  } else if (!head || head.path !== path || head.seq !== lastEntry.seq || head.hash !== lastEntry.hash) {
    return refuse(`${AUDIT_HEAD_PATH} does not match the last entry of ${path}`)
  } else {
    // HEAD only vouches for the last line: an edit further up shows in the hashes.
    const intact = verify(text!, firstPrev(text!))
    if (!intact.ok) return refuse(`${path} line ${intact.line}: ${intact.reason}`)
  }

  let result: AppendResult
  try {
    result = appendEntries(text, entries, previousHash)
  } catch (error) {
    return refuse(`${path}: ${(error as Error).message}`)
  }
  if (result.appended.length === 0 || result.tip === null) return { ...none(null), duplicates: result.duplicates }
  const newHead: AuditHead = { schema_version: SCHEMA_VERSION, kind: 'audit-head', path, seq: result.tip.seq, hash: result.tip.hash }
  return {
    changes: [
      { path, content: result.text },
      { path: AUDIT_HEAD_PATH, content: serialize(newHead) }
    ],
    appended: result.appended.length,
    duplicates: result.duplicates,
    problem: null
  }
}

/** The `prev` of a month file's first entry (already checked to be an entry). */
function firstPrev(text: string): string {
  const end = text.indexOf('\n')
  return (JSON.parse(end < 0 ? text : text.slice(0, end)) as AuditEntry).prev
}

function parseHead(text: string): AuditHead | 'invalid' {
  try {
    const parsed = headSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : 'invalid'
  } catch {
    return 'invalid'
  }
}

// ---------------------------------------------------------------------------------------------
// Verifying

export type FileVerdict =
  | { ok: true; entries: number; tip: { seq: number; hash: string } | null }
  | { ok: false; line: number; reason: string }

/**
 * Checks one monthly file: every line an entry in the expected format, numbered 1, 2, 3 …, whose
 * hash matches its content and whose `prev` is the hash of the line before — for the first line,
 * `previousMonthLastHash` (the genesis value when this is the trail's first month).
 * Returns the first broken line and why.
 */
export function verify(text: string, previousMonthLastHash: string = AUDIT_GENESIS): FileVerdict {
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  let expectedPrev = previousMonthLastHash
  for (const [index, line] of lines.entries()) {
    const n = index + 1
    const broken = (reason: string): FileVerdict => ({ ok: false, line: n, reason })
    if (line.trim() === '') return broken('empty line')
    let raw: unknown
    try {
      raw = JSON.parse(line)
    } catch {
      return broken('not valid JSON')
    }
    const parsed = entrySchema.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return broken(`not an audit entry (${issue?.path.join('.') || 'entry'}: ${issue?.message})`)
    }
    const entry = parsed.data
    if (entry.seq !== n) return broken(`seq is ${entry.seq} where ${n} was expected: a line was removed, inserted or moved`)
    if (hashOf(raw as Record<string, unknown>) !== entry.hash) return broken('the hash does not match the entry: it was changed after it was written')
    if (entry.prev !== expectedPrev) {
      return broken(
        n === 1
          ? 'prev is not the hash of the previous month\'s last entry: entries before this file were changed or removed'
          : `prev is not the hash of line ${n - 1}: line ${n - 1} was changed or replaced`
      )
    }
    expectedPrev = entry.hash
  }
  const last = lines.length > 0 ? (JSON.parse(lines.at(-1)!) as AuditEntry) : null
  return { ok: true, entries: lines.length, tip: last ? { seq: last.seq, hash: last.hash } : null }
}

export interface TrailVerdict {
  ok: boolean
  files: { path: string; entries: number }[]
  entries: number
  /** The chain's last hash when intact. */
  tip: string | null
  failure: { path: string; line: number | null; reason: string } | null
}

/**
 * Checks the whole trail: the monthly files in order, each chained to the one before and the first
 * to the genesis value, and `audit/HEAD.json` naming the last entry (so a trail cut short at its
 * end, or a month removed, is caught as well as an edit in the middle).
 */
export function verifyTrail(files: readonly { path: string; text: string }[], headText: string | null): TrailVerdict {
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path))
  const checked: TrailVerdict['files'] = []
  const fail = (path: string, line: number | null, reason: string): TrailVerdict => ({
    ok: false,
    files: checked,
    entries: checked.reduce((sum, file) => sum + file.entries, 0),
    tip: null,
    failure: { path, line, reason }
  })
  let previous = AUDIT_GENESIS
  let tip: { path: string; seq: number; hash: string } | null = null
  for (const file of sorted) {
    if (!isAuditMonthPath(file.path)) return fail(file.path, null, 'not a monthly audit file (audit/YYYY-MM.jsonl)')
    const verdict = verify(file.text, previous)
    if (!verdict.ok) return fail(file.path, verdict.line, verdict.reason)
    checked.push({ path: file.path, entries: verdict.entries })
    if (verdict.tip) {
      previous = verdict.tip.hash
      tip = { path: file.path, ...verdict.tip }
    }
  }
  if (headText === null) {
    if (tip) return fail(AUDIT_HEAD_PATH, null, 'missing: the end of the trail cannot be checked')
  } else {
    const head = parseHead(headText)
    if (head === 'invalid') return fail(AUDIT_HEAD_PATH, null, 'not a valid audit head')
    if (!tip || head.path !== tip.path || head.seq !== tip.seq || head.hash !== tip.hash) {
      return fail(
        AUDIT_HEAD_PATH,
        null,
        tip
          ? `names entry ${head.seq} of ${head.path}, but the trail ends at entry ${tip.seq} of ${tip.path}: entries at the end were removed or added`
          : `names entry ${head.seq} of ${head.path}, but the trail has no entries`
      )
    }
  }
  return { ok: true, files: checked, entries: checked.reduce((sum, file) => sum + file.entries, 0), tip: tip?.hash ?? null, failure: null }
}
