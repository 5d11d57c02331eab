/**
 * The memo: the model's accepted verdict for one failure fingerprint, stored on the state branch
 * (in the fingerprint document's `llm_memo`) so the same failure is never sent to a model twice.
 * What is read back from the branch is untrusted: it is validated, and ignored when it does not
 * fit, was made for another failure or another model, or fails today's policy.
 */
import { z } from 'zod'
import { CATEGORY_NAMES, defaultOwner } from '../categories.js'
import type { Diagnosis } from '../types.js'
import { fixProposalSchema } from './fix.js'
import { checkStoredVerdict, SUMMARY_MAX_CHARS, verdictDiagnosis, type AnswerContext } from './policy.js'
import type { LlmVerdict, TokenUsage } from './types.js'

export const MEMO_SCHEMA_VERSION = 1

const tokenCount = z.number().int().nonnegative()

export const memoEntrySchema = z
  .strictObject({
    schema_version: z.literal(MEMO_SCHEMA_VERSION),
    fingerprint: z.string().regex(/^[0-9a-f]{8,64}$/),
    model: z.string().min(1).max(200),
    created_at: z.iso.datetime(),
    verdict: z.strictObject({
      owner: z.enum(['DEVOPS', 'DEVELOPER']),
      category: z.enum(CATEGORY_NAMES),
      confidence: z.number().min(0).max(1),
      transient: z.boolean(),
      summary: z.string().min(1).max(SUMMARY_MAX_CHARS),
      fix: fixProposalSchema.nullable()
    }),
    usage: z.strictObject({ prompt_tokens: tokenCount, completion_tokens: tokenCount, total_tokens: tokenCount }),
    suspected_injection: z.boolean()
  })
  .refine((entry) => entry.verdict.owner === defaultOwner(entry.verdict.category), {
    message: 'owner does not match the category',
    path: ['verdict', 'owner']
  })

export type MemoEntry = z.infer<typeof memoEntrySchema>

export interface MemoEntryInput {
  fingerprint: string
  model: string
  createdAt: Date
  verdict: LlmVerdict
  usage: TokenUsage
  suspectedInjection: boolean
}

/** The entry to store after an accepted answer. */
export function memoEntryFor(input: MemoEntryInput): MemoEntry {
  const { verdict, usage } = input
  return {
    schema_version: MEMO_SCHEMA_VERSION,
    fingerprint: input.fingerprint,
    model: input.model,
    created_at: input.createdAt.toISOString(),
    verdict: {
      owner: verdict.owner,
      category: verdict.category,
      confidence: verdict.confidence,
      transient: verdict.transient,
      summary: verdict.summary,
      fix: verdict.fix
    },
    usage: { prompt_tokens: usage.promptTokens, completion_tokens: usage.completionTokens, total_tokens: usage.totalTokens },
    suspected_injection: input.suspectedInjection
  }
}

export type MemoRead = { ok: true; entry: MemoEntry } | { ok: false; problem: string }

/** Validates what the state branch holds (any JSON value). */
export function readMemoEntry(raw: unknown): MemoRead {
  const version = (raw as { schema_version?: unknown } | null)?.schema_version
  if (typeof version === 'number' && version !== MEMO_SCHEMA_VERSION) {
    return { ok: false, problem: `memo schema_version ${version} is not ${MEMO_SCHEMA_VERSION}` }
  }
  const parsed = memoEntrySchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, problem: `memo does not match the schema (${issue?.path.join('.') || 'entry'}: ${issue?.message})` }
  }
  return { ok: true, entry: parsed.data }
}

export interface MemoKey {
  fingerprint: string
  model: string
}

export type MemoUse = { ok: true; diagnosis: Diagnosis; entry: MemoEntry; fixDropped: string | null } | { ok: false; problem: string }

/**
 * The diagnosis a stored entry gives this job (engine `llm`; the caller's outcome says it was
 * memoised), or why the entry cannot be used.
 */
export function diagnosisFromMemo(raw: unknown, key: MemoKey, rules: Diagnosis, context: AnswerContext): MemoUse {
  const read = readMemoEntry(raw)
  if (!read.ok) return read
  const { entry } = read
  if (entry.fingerprint !== key.fingerprint) return { ok: false, problem: 'memo was made for another fingerprint' }
  if (entry.model !== key.model) return { ok: false, problem: 'memo was made by another model' }
  const checked = checkStoredVerdict(entry.verdict, context)
  if (!checked.ok) return { ok: false, problem: `memo verdict refused: ${checked.detail}` }
  return { ok: true, diagnosis: verdictDiagnosis(checked.verdict, rules), entry, fixDropped: checked.fixDropped }
}
