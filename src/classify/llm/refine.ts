/**
 * The LLM step of classification: given the rules' verdict for one job, decide whether to ask the
 * model, ask it once (or reuse the memo), and keep its answer only when it passes the policy. The
 * rules' verdict is the fallback for every failure, and the outcome says what happened and why.
 * The one I/O is the client call.
 */
import { randomBytes } from 'node:crypto'
import type { Diagnosis } from '../types.js'
import type { Triage } from '../../triage/types.js'
import { estimateRequestTokens, type TokenBudget } from './budget.js'
import { usageOf, type ChatRequest, type LlmClient } from './client.js'
import { costUsd } from './cost.js'
import { detectInjection } from './injection.js'
import { diagnosisFromMemo, memoEntryFor, type MemoEntry } from './memo.js'
import { answerContent, checkAnswer, skipReason, verdictDiagnosis } from './policy.js'
import { buildPrompt } from './prompt.js'
import { responseFormat } from './schema.js'
import type { FallbackReason, LlmOutcome, TokenUsage } from './types.js'

/**
 * Room for the verdict (about 150 tokens) and a proposed diff of a few hunks (about 60 lines), with
 * margin; a longer answer is cut and falls back.
 */
export const MAX_COMPLETION_TOKENS = 1200

export interface RefineInput {
  triage: Triage
  /** What `classify()` said. */
  rules: Diagnosis
  /** The job's name from the jobs API. */
  jobName: string
  /** The failing step's name from the jobs API; defaults to the one triage found. */
  stepName?: string | null
  /** The failing step's part of the workflow file, or null. */
  workflowSnippet: string | null
  /** The run's workflow path from the API, or null. */
  workflowPath?: string | null
}

export interface RefineDeps {
  /** Null when no `llm-api-key` is set: rules only. */
  client: LlmClient | null
  /** One per run, shared by every job of the run. */
  budget: TokenBudget
  /** The `llm_memo` of this fingerprint's document on the state branch, as read (untrusted), or null. */
  memo?: unknown
  /** Stamped on a new memo entry. */
  now: Date
  /** The prompt's fence boundary; random unless a test fixes it. */
  nonce?: string
}

export interface RefineResult {
  diagnosis: Diagnosis
  llm: LlmOutcome
  /** A new entry to store under the fingerprint; null when there is nothing new to remember. */
  memoEntry: MemoEntry | null
}

export async function refineWithLlm(input: RefineInput, deps: RefineDeps): Promise<RefineResult> {
  const { triage, rules } = input
  const stepName = input.stepName === undefined ? (triage.failingStep?.name ?? null) : input.stepName
  const injection = detectInjection([
    ...triage.excerpt.lines.map((line) => line.text),
    input.jobName,
    stepName ?? '',
    input.workflowSnippet ?? '',
    rules.summary
  ])
  const rulesOnly = (llm: LlmOutcome): RefineResult => ({ diagnosis: rules, llm, memoEntry: null })

  const skip = skipReason(rules, triage.excerpt.lines.length, deps.client !== null)
  if (skip || !deps.client) return rulesOnly({ status: 'skipped', reason: skip ?? 'no-client', ...injection })
  const { client } = deps
  const model = client.model

  let memoIgnored: string | null = null
  if (deps.memo !== undefined && deps.memo !== null) {
    const memo = diagnosisFromMemo(deps.memo, { fingerprint: triage.fingerprint, model }, rules, { stepName })
    if (memo.ok) {
      return { diagnosis: memo.diagnosis, llm: { status: 'memo-hit', model, memoCreatedAt: memo.entry.created_at, ...injection }, memoEntry: null }
    }
    memoIgnored = memo.problem
  }

  const prompt = buildPrompt(
    { excerpt: triage.excerpt.lines, rules, jobName: input.jobName, stepName, workflowSnippet: input.workflowSnippet, workflowPath: input.workflowPath ?? null },
    deps.nonce ?? randomBytes(12).toString('hex')
  )
  const request: ChatRequest = { messages: prompt.messages, responseFormat: responseFormat(), maxCompletionTokens: MAX_COMPLETION_TOKENS }
  const estimate = estimateRequestTokens(request)
  const fallback = (reason: FallbackReason, detail: string, call: { usage: TokenUsage | null; latencyMs: number; attempts: number }): RefineResult =>
    rulesOnly({
      status: 'fallback',
      reason,
      detail,
      model,
      ...call,
      costUsd: call.usage ? costUsd(model, call.usage) : 0,
      memoIgnored,
      ...injection
    })

  if (!deps.budget.allows(estimate)) {
    return fallback('budget-exhausted', `The request needs about ${estimate} tokens; ${deps.budget.remaining} of the run's ${deps.budget.limit} are left.`, {
      usage: null,
      latencyMs: 0,
      attempts: 0
    })
  }

  const call = await client.complete(request)
  if (!call.ok) {
    // A request that timed out may still be billed: count it so a slow endpoint cannot spend without limit.
    if (call.reason === 'timeout') deps.budget.charge(estimate * call.attempts)
    return fallback(call.reason, call.detail, { usage: null, latencyMs: call.latencyMs, attempts: call.attempts })
  }
  const usage = usageOf(call.completion) ?? estimatedUsage(estimate)
  deps.budget.charge(usage.totalTokens)
  const meta = { usage, latencyMs: call.latencyMs, attempts: call.attempts }

  const content = answerContent(call.completion)
  if (!content.ok) return fallback(content.reason, content.detail, meta)
  const answer = checkAnswer(content.content, { stepName })
  if (!answer.ok) return fallback(answer.reason, answer.detail, meta)

  return {
    diagnosis: verdictDiagnosis(answer.verdict, rules),
    llm: { status: 'answered', model, ...meta, costUsd: costUsd(model, usage), fixDropped: answer.fixDropped, memoIgnored, ...injection },
    memoEntry: memoEntryFor({
      fingerprint: triage.fingerprint,
      model,
      createdAt: deps.now,
      verdict: answer.verdict,
      usage,
      suspectedInjection: injection.suspectedInjection
    })
  }
}

/** A provider that reports no usage is charged the whole estimate. */
function estimatedUsage(estimate: number): TokenUsage {
  return { promptTokens: estimate - MAX_COMPLETION_TOKENS, completionTokens: MAX_COMPLETION_TOKENS, totalTokens: estimate }
}
