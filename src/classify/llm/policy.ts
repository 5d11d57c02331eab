/**
 * When to ask the model and what of its answer to believe. Pure: deterministic rules first, the
 * model only for what they are unsure of; an answer is used only when every field checks out,
 * otherwise the rules' verdict stands and the reason is recorded.
 */
import { z } from 'zod'
import { CATEGORIES, defaultOwner, isCategory, type Category } from '../categories.js'
import type { Diagnosis } from '../types.js'
import { checkProposal, fixFromAnswer, fixIntentOf } from './fix.js'
import { detectInjection } from './injection.js'
import { answerWithLooseFixSchema } from './schema.js'
import { plainLine } from './text.js'
import type { FallbackReason, LlmVerdict, SkipReason } from './types.js'

/** A rule verdict at least this sure is kept without asking (most catalog rules that name a cause). */
export const CONFIDENT_RULES = 0.85
/** A model's self-reported confidence is not calibrated: it never counts for more than this. */
export const LLM_CONFIDENCE_CAP = 0.9
export const SUMMARY_MAX_CHARS = 300
const DETAIL_MAX_CHARS = 200

export function skipReason(rules: Diagnosis, excerptLines: number, hasClient: boolean): SkipReason | null {
  if (!hasClient) return 'no-client'
  if (rules.confidence >= CONFIDENT_RULES) return 'rules-confident'
  if (excerptLines === 0) return 'no-log'
  return null
}

export type Checked<T> = ({ ok: true } & T) | { ok: false; reason: FallbackReason; detail: string }

// Only the fields read here; the SDK's type says more, but the body came from a server.
const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        finish_reason: z.string().nullable().optional(),
        message: z.object({ content: z.string().nullable().optional(), refusal: z.string().nullable().optional() })
      })
    )
    .min(1)
})

/** The assistant's text, or why there is none worth reading. */
export function answerContent(completion: unknown): Checked<{ content: string }> {
  const parsed = completionSchema.safeParse(completion)
  if (!parsed.success) return { ok: false, reason: 'invalid-response', detail: 'The response has no assistant message.' }
  const choice = parsed.data.choices[0]!
  if (choice.message.refusal) return { ok: false, reason: 'refusal', detail: `The model refused: ${plainLine(choice.message.refusal, DETAIL_MAX_CHARS)}` }
  if (choice.finish_reason === 'length') {
    return { ok: false, reason: 'truncated', detail: 'The answer was cut off at the token limit (finish_reason length).' }
  }
  if (choice.finish_reason === 'content_filter') {
    return { ok: false, reason: 'content-filter', detail: 'The provider filtered the answer (finish_reason content_filter).' }
  }
  const content = choice.message.content?.trim() ?? ''
  if (content === '') return { ok: false, reason: 'empty-answer', detail: 'The answer is empty.' }
  return { ok: true, content }
}

export interface AnswerContext {
  /** The failing step's name from the jobs API, or null. */
  stepName: string | null
}

/** The fields of a verdict before the policy bounded them: from an answer or from the memo. */
interface RawVerdict {
  category: Category
  confidence: number
  transient: boolean
  summary: string
}

/** Parses and checks the model's JSON answer. */
export function checkAnswer(content: string, context: AnswerContext): Checked<{ verdict: LlmVerdict; fixDropped: string | null }> {
  let json: unknown
  try {
    json = JSON.parse(content)
  } catch {
    return { ok: false, reason: 'invalid-json', detail: 'The answer is not valid JSON.' }
  }
  const category = (json as { category?: unknown } | null)?.category
  if (typeof category === 'string' && !isCategory(category)) {
    return { ok: false, reason: 'unknown-category', detail: `The answer names a category outside the vocabulary: ${plainLine(category, 60)}` }
  }
  const parsed = answerWithLooseFixSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, reason: 'schema-mismatch', detail: `The answer does not match the schema (${issue?.path.join('.') || 'answer'}: ${issue?.message}).` }
  }
  const settled = settleVerdict(parsed.data)
  if (!settled.ok) return settled
  const fix = fixFromAnswer(parsed.data.fix, settled.verdict.category, context.stepName)
  return { ok: true, verdict: { ...settled.verdict, fix: fix.fix }, fixDropped: fix.dropped }
}

/** A memoised verdict goes through the same bounds, and its fix through the same checks for this job. */
export function checkStoredVerdict(
  stored: RawVerdict & { fix: unknown },
  context: AnswerContext
): Checked<{ verdict: LlmVerdict; fixDropped: string | null }> {
  const settled = settleVerdict(stored)
  if (!settled.ok) return settled
  const fix = stored.fix === null ? { fix: null, dropped: null } : checkProposal(stored.fix, settled.verdict.category, context.stepName)
  return { ok: true, verdict: { ...settled.verdict, fix: fix.fix }, fixDropped: fix.dropped }
}

/**
 * Owner from the category table (one source of truth); transient only where the category can be
 * (a re-run is an effect the model must not unlock for a failure the vocabulary says is lasting);
 * confidence capped; summary one clean line, and refused when it carries commands, links,
 * mentions or injection phrasing: a model that writes those was steered, so none of its answer is kept.
 */
function settleVerdict(raw: RawVerdict): Checked<{ verdict: LlmVerdict }> {
  const summary = plainLine(raw.summary, SUMMARY_MAX_CHARS)
  if (summary === '') return { ok: false, reason: 'empty-answer', detail: 'The answer has an empty summary.' }
  const unsafe = unsafeSummary(summary)
  if (unsafe) return { ok: false, reason: 'unsafe-summary', detail: `The summary was refused: it contains ${unsafe}.` }
  return {
    ok: true,
    verdict: {
      owner: defaultOwner(raw.category),
      category: raw.category,
      confidence: Math.round(Math.min(LLM_CONFIDENCE_CAP, Math.max(0, raw.confidence)) * 100) / 100,
      transient: raw.transient && CATEGORIES[raw.category].transient,
      summary,
      fix: null
    }
  }
}

// Kept narrow: a false match only costs the model's verdict, but scoped packages (`@babel/core`),
// tool names (`curl failed`) and plain words must pass. Escaping downstream makes the rest inert.
const UNSAFE_SUMMARY: ReadonlyArray<readonly [what: string, pattern: RegExp]> = [
  ['a link', /\b[a-z][a-z0-9+.-]{1,20}:\/\/|\bwww\.[a-z0-9-]+\./i],
  ['a mention', /<[!@#]|(?:^|[^\w@])@(?:here|channel|everyone)\b/i],
  ['a command', /\|\s*(?:ba|z|da)?sh\b|\b(?:curl|wget)\s+-[a-zA-Z]|\brm\s+-[a-z]*[rf]|\$\(|\bchmod\s+[+0-7]|\beval\s+["'$]/i]
]

function unsafeSummary(summary: string): string | null {
  for (const [what, pattern] of UNSAFE_SUMMARY) if (pattern.test(summary)) return what
  if (detectInjection([summary]).suspectedInjection) return 'injection phrasing'
  return null
}

/**
 * The diagnosis an accepted verdict makes. The evidence stays the rules' (real log lines, never
 * the model's words); a fix the rules found for the same category is kept when the model proposes none.
 */
export function verdictDiagnosis(verdict: LlmVerdict, rules: Diagnosis): Diagnosis {
  const fix = verdict.fix ? fixIntentOf(verdict.fix) : verdict.category === rules.category ? rules.fix : null
  return {
    owner: verdict.owner,
    category: verdict.category,
    confidence: verdict.confidence,
    transient: verdict.transient,
    summary: verdict.summary,
    ruleId: null,
    engine: 'llm',
    evidence: rules.evidence,
    fix
  }
}
