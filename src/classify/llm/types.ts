import type { Category, Owner } from '../categories.js'

/** Tokens one answer cost, as the provider's `usage` block reports them. */
export interface TokenUsage {
  promptTokens: number
  completionTokens: number
  totalTokens: number
}

/**
 * A fix the model proposed, after validation: a kind of the fix catalog the model may name, with
 * parameters of a strict shape, or a unified diff of the workflow file. Stored as is in the memo
 * (snake case, like every state-branch document).
 */
export type FixProposal =
  | { kind: 'upgrade-action'; action: string; from_ref: string | null }
  | { kind: 'raise-timeout'; observed_minutes: number | null; step: string | null }
  /** Only its shape is checked here; remediate's judge decides whether it may be applied. */
  | { kind: 'proposed-diff'; diff: string }

/** The model's verdict after the policy checked and bounded every field. */
export interface LlmVerdict {
  owner: Owner
  category: Category
  confidence: number
  transient: boolean
  /** One line, control characters removed, capped: still untrusted text, escaped where shown. */
  summary: string
  fix: FixProposal | null
}

/** Why the rules' verdict was kept without asking the model. */
export type SkipReason =
  /** No `llm-api-key`: rules only. */
  | 'no-client'
  /** The rules are sure enough; asking would only cost. */
  | 'rules-confident'
  /** Nothing to show the model (no log, or a run that never started). */
  | 'no-log'

/** Why the model was asked but its answer was not used. */
export type FallbackReason =
  | 'budget-exhausted'
  | 'timeout'
  | 'rate-limited'
  | 'http-error'
  | 'connection-error'
  | 'invalid-response'
  | 'refusal'
  | 'truncated'
  | 'content-filter'
  | 'empty-answer'
  | 'invalid-json'
  | 'schema-mismatch'
  | 'unknown-category'
  | 'unsafe-summary'

/** Signs of prompt injection in the text sent (or that would have been sent): recorded, never acted on. */
export interface InjectionReport {
  suspectedInjection: boolean
  /** Names of the patterns that matched, for the audit trail (never the matched text). */
  injectionSignals: string[]
}

/** What the LLM step did for one job, for the audit trail and the metrics. */
export type LlmOutcome = InjectionReport &
  (
    | { status: 'skipped'; reason: SkipReason }
    | { status: 'memo-hit'; model: string; memoCreatedAt: string }
    | {
        status: 'answered'
        model: string
        usage: TokenUsage
        latencyMs: number
        attempts: number
        costUsd: number
        /** Why the model's fix proposal was dropped, or null when it proposed none or it was kept. */
        fixDropped: string | null
        /** Why a memo entry that was present was not used, or null. */
        memoIgnored: string | null
      }
    | {
        status: 'fallback'
        reason: FallbackReason
        /** One plain line for the audit trail. */
        detail: string
        model: string
        usage: TokenUsage | null
        latencyMs: number
        attempts: number
        costUsd: number
        memoIgnored: string | null
      }
  )
