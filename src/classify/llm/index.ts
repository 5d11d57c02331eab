/**
 * The optional LLM refinement of a rules verdict. The pipeline creates one client (when
 * `llm-api-key` is set) and one token budget per run, then calls `refineWithLlm` per failed job
 * and stores any returned memo entry under the job's fingerprint.
 */
export { refineWithLlm, MAX_COMPLETION_TOKENS, type RefineDeps, type RefineInput, type RefineResult } from './refine.js'
export { createLlmClient, type LlmClient, type LlmClientOptions, type ChatOutcome, type ChatRequest } from './client.js'
export { TokenBudget, DEFAULT_RUN_TOKEN_BUDGET, estimateRequestTokens } from './budget.js'
export { costUsd, priceOf } from './cost.js'
export { diagnosisFromMemo, memoEntryFor, memoEntrySchema, readMemoEntry, MEMO_SCHEMA_VERSION, type MemoEntry, type MemoKey, type MemoUse } from './memo.js'
export { CONFIDENT_RULES, LLM_CONFIDENCE_CAP, skipReason } from './policy.js'
export { MAX_PROPOSED_DIFF_CHARS } from './fix.js'
export type { FallbackReason, FixProposal, InjectionReport, LlmOutcome, LlmVerdict, SkipReason, TokenUsage } from './types.js'
