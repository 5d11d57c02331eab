/**
 * A fix the model proposes is text from a model that read attacker-controlled logs. It becomes a
 * FixIntent only when it is one of the catalog's kinds, fits the verdict's category, names the
 * step the API says failed, and has parameters of the same strict shape the rules accept;
 * otherwise it is dropped. Remediate still checks every intent against its own tables and the
 * workflow file before any edit.
 */
import { z } from 'zod'
import type { Category } from '../categories.js'
import type { FixIntent } from '../types.js'
import { fixAnswerSchema } from './schema.js'
import type { FixProposal } from './types.js'

// The shapes the rule engine accepts for the same parameters (classify/decide.ts).
const ACTION_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/
const ACTION_REF = /^[A-Za-z0-9](?:[A-Za-z0-9._/-]{0,98}[A-Za-z0-9])?$/
const noDotDot = (value: string) => !value.includes('..')
const MAX_TIMEOUT_MINUTES = 100_000

export const fixProposalSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('upgrade-action'),
    action: z.string().regex(ACTION_NAME).refine(noDotDot),
    from_ref: z.string().regex(ACTION_REF).refine(noDotDot).nullable()
  }),
  z.strictObject({
    kind: z.literal('raise-timeout'),
    observed_minutes: z.number().int().min(1).max(MAX_TIMEOUT_MINUTES).nullable(),
    step: z.string().min(1).max(200).nullable()
  })
])

/** The only category each fix kind can repair. */
const CATEGORY_OF_FIX: Record<FixProposal['kind'], Category> = {
  'upgrade-action': 'workflow_config',
  'raise-timeout': 'job_timeout'
}

export type CheckedFix = { fix: FixProposal | null; dropped: string | null }

/** The model's `fix` field (any shape) as a proposal, or null with the reason it was dropped. */
export function fixFromAnswer(raw: unknown, category: Category, stepName: string | null): CheckedFix {
  const parsed = fixAnswerSchema.safeParse(raw)
  if (!parsed.success) return { fix: null, dropped: 'the fix is not one of the known kinds or has the wrong shape' }
  const answer = parsed.data
  if (answer.kind === 'none') return { fix: null, dropped: null }
  const candidate =
    answer.kind === 'upgrade-action'
      ? { kind: answer.kind, action: answer.action, from_ref: answer.from_ref }
      : { kind: answer.kind, observed_minutes: answer.observed_minutes, step: answer.step }
  return checkProposal(candidate, category, stepName)
}

/** A stored or freshly parsed proposal, checked against this job's verdict and failing step. */
export function checkProposal(candidate: unknown, category: Category, stepName: string | null): CheckedFix {
  const parsed = fixProposalSchema.safeParse(candidate)
  if (!parsed.success) return { fix: null, dropped: 'the fix parameters do not have a valid shape' }
  const fix = parsed.data
  if (CATEGORY_OF_FIX[fix.kind] !== category) {
    return { fix: null, dropped: `a ${fix.kind} fix does not repair a ${category} failure` }
  }
  if (fix.kind === 'raise-timeout' && fix.step !== null && fix.step !== stepName?.trim()) {
    return { fix: null, dropped: 'the fix names a step other than the failing step' }
  }
  return { fix, dropped: null }
}

/** The intent remediate plans from; the description is ours, never the model's words. */
export function fixIntentOf(fix: FixProposal): FixIntent {
  if (fix.kind === 'upgrade-action') {
    return {
      kind: 'upgrade-action',
      action: fix.action,
      fromRef: fix.from_ref,
      description: `Upgrade ${fix.action}${fix.from_ref ? ` from ${fix.from_ref}` : ''} to a currently supported version.`
    }
  }
  const minutes = fix.observed_minutes
  return {
    kind: 'raise-timeout',
    observedMinutes: minutes,
    step: fix.step,
    description: fix.step
      ? 'A step stopped at its timeout-minutes limit: raise it or make the step faster.'
      : minutes
        ? `The job stopped at its ${minutes}-minute limit: raise timeout-minutes or make it faster.`
        : 'The job stopped at its time limit: raise timeout-minutes or make it faster.'
  }
}
