import { z } from 'zod'
import { migrate } from './migrate.js'
import { SCHEMA_VERSION } from './records.js'

/**
 * One document per failure fingerprint on the state branch: where and when the failure was seen,
 * whether the same commit failed and then passed (flaky), the fix pull requests made for it, and
 * the LLM's memoised verdict so the same failure is never sent to a model twice. Writers merge by
 * key (run id + attempt), so concurrent runs and re-delivered events never double-count.
 */
export const MAX_OCCURRENCES = 100
const MAX_FLAKY = 50
const MAX_PULLS = 20
/** Re-runs kept for the daily budget: more than any sane budget spends in a day. */
export const MAX_RERUNS = 50

const occurrenceSchema = z.object({
  run_id: z.number().int(),
  attempt: z.number().int(),
  job: z.string(),
  head_sha: z.string(),
  branch: z.string(),
  at: z.string()
})

const flakySchema = z.object({
  run_id: z.number().int(),
  head_sha: z.string(),
  failed_attempt: z.number().int(),
  passed_attempt: z.number().int(),
  at: z.string()
})

const pullSchema = z.object({ number: z.number().int(), url: z.string() })

/** A re-run ci-monitor asked for: `attempt` is the failed attempt that was re-run. */
const rerunSchema = z.object({ run_id: z.number().int(), attempt: z.number().int(), at: z.string() })

/**
 * The incident raised for this failure: its issue (found again by label and marker, this is a
 * hint) and the Slack message later occurrences reply to in its thread.
 */
const incidentSchema = z.object({
  issue_number: z.number().int().positive(),
  issue_url: z.string(),
  opened_at: z.string(),
  slack_channel: z.string().nullable(),
  slack_ts: z.string().nullable()
})

export const fingerprintDocSchema = z.object({
  schema_version: z.literal(SCHEMA_VERSION),
  kind: z.literal('fingerprint'),
  fingerprint: z.string().regex(/^[0-9a-f]{8,64}$/),
  owner: z.string(),
  category: z.string(),
  first_seen: z.string(),
  last_seen: z.string(),
  /** Every analysed occurrence, also those dropped from `occurrences` when it is full. */
  count: z.number().int().nonnegative(),
  occurrences: z.array(occurrenceSchema),
  flaky: z.array(flakySchema),
  pulls: z.array(pullSchema),
  /** The LLM module validates this itself when it reads it. */
  llm_memo: z.unknown().nullable(),
  // Appended later: documents written before these fields existed parse with the defaults.
  /** Re-runs of this failure, for the per-day budget. */
  reruns: z.array(rerunSchema).default([]),
  incident: incidentSchema.nullable().default(null)
})

export type FingerprintDoc = z.infer<typeof fingerprintDocSchema>
export type Occurrence = z.infer<typeof occurrenceSchema>
export type FlakyEvent = z.infer<typeof flakySchema>
export type RerunEntry = z.infer<typeof rerunSchema>
export type IncidentState = z.infer<typeof incidentSchema>

export function fingerprintPath(fingerprint: string): string {
  if (!/^[0-9a-f]{8,64}$/.test(fingerprint)) throw new Error('fingerprints are lower-case hex')
  return `fingerprints/${fingerprint}.json`
}

/** `from`: the schema version the document had (older ones are upgraded); `newer`: refused as too new. */
export type ParsedDoc<T> = { ok: true; doc: T; from: number } | { ok: false; newer: boolean; problem: string }

/** Reads a document from the branch: an older one is upgraded, a newer one refused, a broken one reported, never guessed at. */
export function parseFingerprintDoc(text: string): ParsedDoc<FingerprintDoc> {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { ok: false, newer: false, problem: 'not valid JSON' }
  }
  const migrated = migrate(raw, 'fingerprint')
  if (!migrated.ok) return migrated
  const parsed = fingerprintDocSchema.safeParse(migrated.doc)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, newer: false, problem: `does not match the schema (${issue?.path.join('.') || 'document'}: ${issue?.message})` }
  }
  return { ok: true, doc: parsed.data, from: migrated.from }
}

export function newFingerprintDoc(fingerprint: string, owner: string, category: string, at: string): FingerprintDoc {
  return {
    schema_version: SCHEMA_VERSION,
    kind: 'fingerprint',
    fingerprint,
    owner,
    category,
    first_seen: at,
    last_seen: at,
    count: 0,
    occurrences: [],
    flaky: [],
    pulls: [],
    llm_memo: null,
    reruns: [],
    incident: null
  }
}

/**
 * Adds an occurrence once: the same run attempt and job seen again changes nothing. `earlier` is
 * when the same occurrence was recorded before (the run attempt's previous record), so one that
 * has since aged out of the capped list is not counted a second time.
 */
export function withOccurrence(doc: FingerprintDoc, occurrence: Occurrence, verdict: { owner: string; category: string }, earlier: string | null = null): FingerprintDoc {
  const known = doc.occurrences.some((o) => o.run_id === occurrence.run_id && o.attempt === occurrence.attempt && o.job === occurrence.job)
  if (known) return doc
  const oldestKept = doc.occurrences.reduce<string | null>((oldest, o) => (oldest === null || o.at < oldest ? o.at : oldest), null)
  if (earlier !== null && doc.occurrences.length >= MAX_OCCURRENCES && oldestKept !== null && earlier < oldestKept) return doc
  const occurrences = [...doc.occurrences, occurrence].sort((a, b) => a.at.localeCompare(b.at)).slice(-MAX_OCCURRENCES)
  return {
    ...doc,
    ...verdict,
    count: doc.count + 1,
    occurrences,
    first_seen: occurrence.at < doc.first_seen ? occurrence.at : doc.first_seen,
    last_seen: occurrence.at > doc.last_seen ? occurrence.at : doc.last_seen
  }
}

/** Records that a commit that failed this way passed on a re-run of the same run. */
export function withFlaky(doc: FingerprintDoc, event: FlakyEvent): FingerprintDoc {
  const known = doc.flaky.some((f) => f.run_id === event.run_id && f.failed_attempt === event.failed_attempt)
  if (known) return doc
  return { ...doc, flaky: [...doc.flaky, event].slice(-MAX_FLAKY) }
}

export function withPull(doc: FingerprintDoc, pull: { number: number; url: string }): FingerprintDoc {
  if (doc.pulls.some((p) => p.number === pull.number)) return doc
  return { ...doc, pulls: [...doc.pulls, pull].slice(-MAX_PULLS) }
}

export function withMemo(doc: FingerprintDoc, memo: unknown): FingerprintDoc {
  return { ...doc, llm_memo: memo }
}

/** Records a re-run once per run attempt, keeping the newest. */
export function withRerun(doc: FingerprintDoc, rerun: RerunEntry): FingerprintDoc {
  if (doc.reruns.some((r) => r.run_id === rerun.run_id && r.attempt === rerun.attempt)) return doc
  const reruns = [...doc.reruns, rerun].sort((a, b) => a.at.localeCompare(b.at)).slice(-MAX_RERUNS)
  return { ...doc, reruns }
}

export function withIncident(doc: FingerprintDoc, incident: IncidentState): FingerprintDoc {
  return { ...doc, incident }
}
