/**
 * A fix the model proposes is text from a model that read attacker-controlled logs. It becomes a
 * FixIntent only when it is one of the kinds the model may name, fits the verdict's category,
 * names the step the API says failed, and has parameters of the same strict shape the rules
 * accept; otherwise it is dropped. Remediate still checks every intent against its own tables and
 * the workflow file before any edit; a proposed diff is applied exactly to the default branch's
 * file and put through the safety gate there, or refused.
 */
import { z } from 'zod'
import { defaultOwner, type Category } from '../categories.js'
import { ACTION_NAME, ACTION_REF } from '../decide.js'
import type { FixIntent } from '../types.js'
import { fixAnswerSchema } from './schema.js'
import type { FixProposal } from './types.js'

const noDotDot = (value: string) => !value.includes('..')
const MAX_TIMEOUT_MINUTES = 100_000
/** A proposal is a small edit of one file; anything longer is not one. */
export const MAX_PROPOSED_DIFF_CHARS = 20_000

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
  }),
  z.strictObject({
    kind: z.literal('proposed-diff'),
    diff: z.string().min(1).max(MAX_PROPOSED_DIFF_CHARS)
  })
])

/** The only category each catalog kind can repair; a proposed diff repairs any pipeline failure. */
const CATEGORY_OF_FIX: Record<Exclude<FixProposal['kind'], 'proposed-diff'>, Category> = {
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
      : answer.kind === 'raise-timeout'
        ? { kind: answer.kind, observed_minutes: answer.observed_minutes, step: answer.step }
        : { kind: answer.kind, diff: answer.diff }
  return checkProposal(candidate, category, stepName)
}

/** A stored or freshly parsed proposal, checked against this job's verdict and failing step. */
export function checkProposal(candidate: unknown, category: Category, stepName: string | null): CheckedFix {
  const parsed = fixProposalSchema.safeParse(candidate)
  if (!parsed.success) return { fix: null, dropped: 'the fix parameters do not have a valid shape' }
  const fix = parsed.data
  if (fix.kind === 'proposed-diff') {
    // The code is the developers' to change: a workflow edit never "fixes" a failing test.
    if (defaultOwner(category) !== 'DEVOPS' || category === 'other') {
      return { fix: null, dropped: `a workflow change does not repair a ${category} failure` }
    }
    return { fix, dropped: null }
  }
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
  if (fix.kind === 'proposed-diff') {
    return {
      kind: 'proposed-diff',
      diff: fix.diff,
      description: 'Apply the change to the workflow file that the LLM proposed, if it applies exactly and passes the safety gate.'
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
