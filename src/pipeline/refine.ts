import { refineWithLlm, type LlmClient, type LlmOutcome, type MemoEntry, type TokenBudget } from '../classify/llm/index.js'
import { failingSnippet } from '../remediate/snippet.js'
import type { JobDiagnosis } from './diagnose.js'

export interface RefineDeps {
  /** The run's workflow path (API). */
  workflowPath: string
  /** Null without `llm-api-key`: the rules decide alone. */
  client: LlmClient | null
  /** One per run, shared by every job. */
  budget: TokenBudget
  /** The failed workflow file at the run's head SHA, for the failing step's snippet. */
  workflowText: string | null
  now: Date
}

/**
 * Lets the LLM refine each job's rule verdict (only where the rules are unsure, and at most once
 * per fingerprint: a memoised verdict from the state branch is reused). Updates the jobs in place
 * and returns the new memo entries to store, by fingerprint.
 */
export async function refineJobs(jobs: JobDiagnosis[], deps: RefineDeps): Promise<Map<string, MemoEntry>> {
  const memos = new Map<string, MemoEntry>()
  for (const job of jobs) {
    const fingerprint = job.triage.fingerprint
    const failingStep = job.job.steps.find((step) => step.conclusion === 'failure')?.name ?? job.triage.failingStep?.name ?? null
    const result = await refineWithLlm(
      {
        triage: job.triage,
        rules: job.diagnosis,
        jobName: job.job.name,
        stepName: failingStep,
        workflowSnippet: deps.workflowText ? failingSnippet(deps.workflowText, job.job.name, failingStep, { numbered: true }) : null,
        workflowPath: deps.workflowPath
      },
      // A memo made earlier in this same run (two jobs failing the same way) counts too.
      { client: deps.client, budget: deps.budget, memo: memos.get(fingerprint) ?? job.history.llmMemo, now: deps.now }
    )
    job.diagnosis = result.diagnosis
    job.llm = result.llm
    if (result.memoEntry) memos.set(fingerprint, result.memoEntry)
  }
  return memos
}

/** The LLM step as the run record keeps it: what happened, what it cost, never the text sent. */
export function llmRecord(outcome: LlmOutcome | null): Record<string, unknown> | null {
  if (!outcome) return null
  const base = { status: outcome.status, suspected_injection: outcome.suspectedInjection, injection_signals: outcome.injectionSignals }
  switch (outcome.status) {
    case 'skipped':
      return { ...base, reason: outcome.reason }
    case 'memo-hit':
      return { ...base, model: outcome.model, memo_created_at: outcome.memoCreatedAt }
    case 'answered':
      return { ...base, model: outcome.model, tokens: outcome.usage.totalTokens, cost_usd: outcome.costUsd, latency_ms: outcome.latencyMs, fix_dropped: outcome.fixDropped }
    case 'fallback':
      return { ...base, model: outcome.model, reason: outcome.reason, detail: outcome.detail, tokens: outcome.usage?.totalTokens ?? 0, cost_usd: outcome.costUsd }
  }
}
