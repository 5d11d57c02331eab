import { z } from 'zod'
import { SCHEMA_VERSION } from './records.js'

/**
 * `recoveries/<run id>.json`: when a failed run ci-monitor analysed was followed by the next
 * successful run of the same workflow on the same branch. ci-monitor does not analyse successful
 * runs, so the scheduled sweep looks that success up through the API and writes this down; the
 * metrics turn it into time to recovery.
 *
 * One document per failed run. Several failed runs recovered by the same success (a red streak)
 * are one incident for the metrics: its recovery time runs from the earliest `failed_at`.
 */
export const recoveryDocSchema = z
  .object({
    schema_version: z.literal(SCHEMA_VERSION),
    kind: z.literal('recovery'),
    /** `owner/name`. */
    repository: z.string(),
    /** The failed run ci-monitor analysed. */
    run_id: z.number().int().positive(),
    /** The run's workflow file, e.g. `.github/workflows/ci.yml` (from the API). */
    workflow_path: z.string().min(1),
    /** The run's head branch (untrusted text). */
    branch: z.string(),
    /** When the failed run completed: the run's `updated_at` from the API. */
    failed_at: z.iso.datetime(),
    /** When the next successful run of the same workflow on the same branch completed (`updated_at`). */
    recovered_at: z.iso.datetime(),
    /** That successful run: a later run, or a later attempt of the failed run itself (a re-run that passed). */
    recovered_by_run_id: z.number().int().positive()
  })
  .refine((doc) => Date.parse(doc.recovered_at) >= Date.parse(doc.failed_at), {
    message: 'recovered_at is earlier than failed_at',
    path: ['recovered_at']
  })

export type RecoveryDoc = z.infer<typeof recoveryDocSchema>

export function recoveryPath(runId: number): string {
  if (!Number.isSafeInteger(runId) || runId <= 0) throw new Error('run ids are positive integers')
  return `recoveries/${runId}.json`
}

export interface RecoveryFacts {
  repository: string
  runId: number
  workflowPath: string
  branch: string
  failedAt: Date
  recoveredAt: Date
  recoveredByRunId: number
}

/** The document for the sweep to write (validated, so a wrong order of times is caught here). */
export function buildRecoveryDoc(facts: RecoveryFacts): RecoveryDoc {
  return recoveryDocSchema.parse({
    schema_version: SCHEMA_VERSION,
    kind: 'recovery',
    repository: facts.repository,
    run_id: facts.runId,
    workflow_path: facts.workflowPath,
    branch: facts.branch,
    failed_at: facts.failedAt.toISOString(),
    recovered_at: facts.recoveredAt.toISOString(),
    recovered_by_run_id: facts.recoveredByRunId
  })
}
