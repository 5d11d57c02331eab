/**
 * Reading a `run-analysis` record (`RunRecord`) back from the state branch: the part the metrics
 * and the writer rely on, validated after older versions are upgraded.
 */
import { z } from 'zod'
import type { ParsedDoc } from './fingerprints.js'
import { migrate } from './migrate.js'
import { SCHEMA_VERSION } from './records.js'

const fingerprint = z.string().regex(/^[0-9a-f]{8,64}$/)

export const runAnalysisSchema = z.object({
  schema_version: z.literal(SCHEMA_VERSION),
  kind: z.literal('run-analysis'),
  repository: z.string(),
  run: z.object({
    id: z.number().int().positive(),
    attempt: z.number().int().positive(),
    workflow_path: z.string(),
    workflow_name: z.string(),
    head_branch: z.string()
  }),
  analysed_at: z.iso.datetime(),
  dry_run: z.boolean(),
  jobs: z.array(
    z.object({
      job_id: z.number().int(),
      name: z.string(),
      fingerprint,
      // Identifier-shaped: they become keys of the figures (never `__proto__`).
      diagnosis: z.object({ owner: z.string().regex(/^[A-Z][A-Z_]{0,31}$/), category: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), summary: z.string() }),
      // Records written before the LLM step existed have none: no model was asked.
      llm: z.record(z.string(), z.unknown()).nullable().default(null),
      decision: z.object({ action: z.string() })
    })
  ),
  effects: z.array(z.object({ at: z.iso.datetime(), kind: z.string(), outcome: z.string() }))
})

export type RunAnalysisDoc = z.infer<typeof runAnalysisSchema>

/** A run record as read: older versions upgraded, newer ones refused, anything else reported. */
export function parseRunAnalysis(raw: unknown): ParsedDoc<RunAnalysisDoc> {
  const migrated = migrate(raw, 'run-analysis')
  if (!migrated.ok) return migrated
  const parsed = runAnalysisSchema.safeParse(migrated.doc)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, newer: false, problem: `does not match the schema (${issue?.path.join('.') || 'document'}: ${issue?.message})` }
  }
  return { ok: true, doc: parsed.data, from: migrated.from }
}
