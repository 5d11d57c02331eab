import { z } from 'zod'
import { SCHEMA_VERSION } from './records.js'

/**
 * `fix-pulls/<number>.json`: what became of a fix pull request ci-monitor opened. The run record
 * says when it was opened (a `pull-request` effect); whether people merged it or closed it
 * unmerged happens later, so the scheduled sweep looks the pull request up and writes this down.
 * The metrics read fix PRs merged and closed unmerged, and failures auto-fixed by a merge, from it.
 */
export const fixPullDocSchema = z
  .object({
    schema_version: z.literal(SCHEMA_VERSION),
    kind: z.literal('fix-pull'),
    /** `owner/name`. */
    repository: z.string(),
    number: z.number().int().positive(),
    /** The failure the pull request fixes (its branch is named after it). */
    fingerprint: z.string().regex(/^[0-9a-f]{8,64}$/),
    opened_at: z.iso.datetime(),
    state: z.enum(['open', 'merged', 'closed']),
    /** Set exactly when `state` is `merged`. */
    merged_at: z.iso.datetime().nullable(),
    /** Set when `state` is `merged` or `closed`. */
    closed_at: z.iso.datetime().nullable(),
    /** When the sweep last looked. */
    observed_at: z.iso.datetime()
  })
  .refine((doc) => (doc.state === 'merged') === (doc.merged_at !== null) && (doc.state === 'open') === (doc.closed_at === null), {
    message: 'state does not agree with merged_at and closed_at'
  })

export type FixPullDoc = z.infer<typeof fixPullDocSchema>

export function fixPullPath(number: number): string {
  if (!Number.isSafeInteger(number) || number <= 0) throw new Error('pull request numbers are positive integers')
  return `fix-pulls/${number}.json`
}

export interface FixPullFacts {
  repository: string
  number: number
  fingerprint: string
  openedAt: string
  /** From the API's pull request: `merged_at` and `closed_at` (null while open). */
  mergedAt: string | null
  closedAt: string | null
  observedAt: Date
}

/** The document for the sweep to write, from the pull request's API fields. */
export function buildFixPullDoc(facts: FixPullFacts): FixPullDoc {
  const state = facts.mergedAt !== null ? 'merged' : facts.closedAt !== null ? 'closed' : 'open'
  return fixPullDocSchema.parse({
    schema_version: SCHEMA_VERSION,
    kind: 'fix-pull',
    repository: facts.repository,
    number: facts.number,
    fingerprint: facts.fingerprint,
    opened_at: facts.openedAt,
    state,
    merged_at: facts.mergedAt,
    // GitHub sets closed_at on merge too; keep it so either can be read alone.
    closed_at: facts.closedAt ?? facts.mergedAt,
    observed_at: facts.observedAt.toISOString()
  })
}
