import { z } from 'zod'
import { CATEGORY_NAMES } from '../classify/categories.js'
import type { LlmOutcome } from '../classify/llm/index.js'
import { MAX_PROPOSED_DIFF_CHARS, memoEntrySchema } from '../classify/llm/index.js'
import type { Diagnosis, FixIntent } from '../classify/types.js'
import type { JobInfo } from '../github/runs.js'
import type { Triage } from '../triage/types.js'
import type { Analysis } from './analyze.js'
import { NO_HISTORY } from './history.js'

/**
 * The privilege split's hand-over: `mode: analyze` (read-only token) writes the analysis as this
 * JSON artifact; `mode: act` (write token) reads it back. The act job treats it as untrusted input:
 * it is schema-checked here, its run is checked against the API, and decisions, fixes and gate
 * verdicts are recomputed from policy and the default branch — only the diagnoses are taken over.
 */
export const PLAN_ARTIFACT = 'ci-monitor-plan'
export const PLAN_FILE = 'plan.json'
export const PLAN_SCHEMA_VERSION = 1

const text = (max: number) => z.string().max(max)
const int = z.number().int()
const count = int.nonnegative()
const fingerprint = z.string().regex(/^[0-9a-f]{8,64}$/)
const lineRange = z.object({ start: count, end: count })
const logLine = z.object({ n: count, text: text(20_000) })
const step = text(500).nullable().optional()

const fixIntentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('upgrade-action'), action: text(200), fromRef: text(100).nullable(), description: text(2000) }),
  z.object({ kind: z.literal('raise-timeout'), observedMinutes: count.nullable(), description: text(2000), step }),
  z.object({
    kind: z.literal('add-retry'),
    tool: z.enum(['npm', 'yarn', 'pnpm', 'pip', 'poetry', 'apt', 'go', 'maven', 'docker']),
    step,
    description: text(2000)
  }),
  z.object({ kind: z.literal('node-heap'), step, description: text(2000) }),
  z.object({ kind: z.literal('free-disk'), step, description: text(2000) }),
  z.object({
    kind: z.literal('move-toolchain-version'),
    tool: z.enum(['python', 'node', 'java', 'go']),
    version: text(50),
    image: text(100).nullable(),
    step,
    description: text(2000)
  }),
  z.object({ kind: z.literal('add-permission'), acceptedPermissions: text(500).nullable(), step, description: text(2000) }),
  z.object({ kind: z.literal('proposed-diff'), diff: text(MAX_PROPOSED_DIFF_CHARS).min(1), description: text(2000) })
])

const diagnosisSchema = z.object({
  owner: z.enum(['DEVOPS', 'DEVELOPER']),
  category: z.enum(CATEGORY_NAMES),
  confidence: z.number().min(0).max(1),
  transient: z.boolean(),
  summary: text(5000),
  ruleId: text(200).nullable(),
  engine: z.enum(['rules', 'llm']),
  evidence: z.array(logLine).max(500),
  fix: fixIntentSchema.nullable()
})

const triageSchema = z.object({
  totalLines: count,
  totalBytes: count,
  truncated: z.boolean(),
  binaryLines: count,
  failingStep: z.object({ name: text(500), number: int.nullable(), range: lineRange }).nullable(),
  errorLines: z.array(count).max(100_000),
  excerpt: z.object({ ranges: z.array(lineRange).max(1000), lines: z.array(logLine).max(2000) }),
  signature: z.array(text(5000)).max(1000),
  fingerprint,
  redactions: z.record(z.string(), count),
  baseline: z.object({ lines: count, templates: count, demoted: count, seenInGreen: z.array(count).max(2000) }).nullable()
})

const jobSchema = z.object({
  id: count,
  name: text(1000),
  conclusion: text(50).nullable(),
  htmlUrl: text(2000),
  runAttempt: int.positive(),
  steps: z.array(z.object({ number: int, name: text(1000), conclusion: text(50).nullable() })).max(1000),
  labels: z.array(text(200)).max(50)
})

const usage = z.object({ promptTokens: count, completionTokens: count, totalTokens: count })
const injection = { suspectedInjection: z.boolean(), injectionSignals: z.array(text(100)).max(50) }
const llmSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('skipped'), reason: z.enum(['no-client', 'rules-confident', 'no-log']), ...injection }),
  z.object({ status: z.literal('memo-hit'), model: text(200), memoCreatedAt: text(50), ...injection }),
  z.object({
    status: z.literal('answered'),
    model: text(200),
    usage,
    latencyMs: count,
    attempts: count,
    costUsd: z.number().nonnegative(),
    fixDropped: text(1000).nullable(),
    memoIgnored: text(1000).nullable(),
    ...injection
  }),
  z.object({
    status: z.literal('fallback'),
    reason: z.enum([
      'budget-exhausted',
      'timeout',
      'rate-limited',
      'http-error',
      'connection-error',
      'invalid-response',
      'refusal',
      'truncated',
      'content-filter',
      'empty-answer',
      'invalid-json',
      'schema-mismatch',
      'unknown-category',
      'unsafe-summary'
    ]),
    detail: text(2000),
    model: text(200),
    usage: usage.nullable(),
    latencyMs: count,
    attempts: count,
    costUsd: z.number().nonnegative(),
    memoIgnored: text(1000).nullable(),
    ...injection
  })
])

export const planSchema = z.object({
  schema_version: z.literal(PLAN_SCHEMA_VERSION),
  kind: z.literal('ci-monitor-plan'),
  repository: text(200),
  run_id: count,
  run_attempt: int.positive(),
  trigger: text(50),
  created_at: text(50),
  last_green: z.object({ id: count, headSha: z.string().regex(/^[0-9a-f]{40}$/), htmlUrl: text(2000), branch: text(1000) }).nullable(),
  test_reports: z.object({
    artifacts: z.array(z.object({ name: text(500), tests: count, failures: count, truncated: z.boolean() })).max(100),
    skipped: z.array(z.object({ name: text(500), reason: text(2000) })).max(500),
    unavailable: text(2000).nullable()
  }),
  omitted_jobs: count,
  jobs: z
    .array(
      z.object({
        job: jobSchema,
        triage: triageSchema,
        diagnosis: diagnosisSchema,
        logAvailable: z.boolean(),
        logInterrupted: z.boolean(),
        llm: llmSchema.nullable()
      })
    )
    .max(100),
  memos: z.record(fingerprint, memoEntrySchema)
})

export type PlanDocument = z.infer<typeof planSchema>

// The schema must describe exactly the types it carries: a change to one that is not made to the
// other stops the build here instead of failing at run time.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
// LlmOutcome is written as an intersection with a union, which `Same` tells apart from the
// flattened union zod infers; both directions of assignability are checked for it instead.
type Assignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const schemaMatchesTypes: [
  Same<z.infer<typeof fixIntentSchema>, FixIntent>,
  Same<z.infer<typeof diagnosisSchema>, Diagnosis>,
  Same<z.infer<typeof triageSchema>, Triage>,
  Same<z.infer<typeof jobSchema>, JobInfo>,
  Assignable<z.infer<typeof llmSchema>, LlmOutcome>
] = [true, true, true, true, true]
void schemaMatchesTypes

export function toPlan(repository: string, analysis: Analysis, now: Date): PlanDocument {
  return {
    schema_version: PLAN_SCHEMA_VERSION,
    kind: 'ci-monitor-plan',
    repository,
    run_id: analysis.run.id,
    run_attempt: analysis.run.runAttempt,
    trigger: analysis.trigger,
    created_at: now.toISOString(),
    last_green: analysis.lastGreen,
    test_reports: analysis.testReports,
    omitted_jobs: analysis.omittedJobs,
    jobs: analysis.jobs.map(({ job, triage, diagnosis, logAvailable, logInterrupted, llm }) => ({
      job,
      triage,
      diagnosis,
      logAvailable,
      logInterrupted,
      llm
    })),
    memos: analysis.memos
  }
}

export type PlanCheck = { ok: true; plan: PlanDocument } | { ok: false; problem: string }

/** Parses and checks the artifact's text against what the act job knows from its own event and the API. */
export function readPlan(textContent: string, expected: { repository: string; runId: number; runAttempt: number; failedJobIds: number[] }): PlanCheck {
  let raw: unknown
  try {
    raw = JSON.parse(textContent)
  } catch {
    return { ok: false, problem: 'the plan is not valid JSON' }
  }
  const parsed = planSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, problem: `the plan does not match its schema (${issue?.path.join('.') || 'document'}: ${issue?.message})` }
  }
  const plan = parsed.data
  if (plan.repository !== expected.repository) return { ok: false, problem: `the plan is for ${plan.repository}, not ${expected.repository}` }
  if (plan.run_id !== expected.runId || plan.run_attempt !== expected.runAttempt) {
    return { ok: false, problem: `the plan is for run ${plan.run_id} attempt ${plan.run_attempt}, not run ${expected.runId} attempt ${expected.runAttempt}` }
  }
  const failed = new Set(expected.failedJobIds)
  const stranger = plan.jobs.find((job) => job.job.id !== 0 && !failed.has(job.job.id))
  if (stranger) return { ok: false, problem: `the plan names job ${stranger.job.id}, which is not a failed job of the run` }
  return { ok: true, plan }
}

/** The analysis the act job executes: run facts from the API, diagnoses from the plan, history reloaded later. */
export function analysisFromPlan(plan: PlanDocument, facts: Pick<Analysis, 'run' | 'defaultBranch' | 'visibility'>): Analysis {
  return {
    trigger: plan.trigger,
    run: facts.run,
    defaultBranch: facts.defaultBranch,
    visibility: facts.visibility,
    lastGreen: plan.last_green,
    testReports: plan.test_reports,
    jobs: plan.jobs.map((job) => ({ ...job, history: NO_HISTORY })),
    omittedJobs: plan.omitted_jobs,
    memos: plan.memos
  }
}
