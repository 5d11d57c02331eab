import { DECISION_ACTIONS } from '../remediate/index.js'
import { HANDLER_OUTCOMES } from './proposals/job-result.js'

/**
 * Every value the `decision` output can take, in one place: what was decided about a failed run
 * (`analyzed` in mode analyze, `skip` when there was nothing to do), or what a verify, approval or
 * sweep run concluded. action.yml and the README list them; a test keeps the three in step.
 */
export const DECISION_OUTPUTS = [...DECISION_ACTIONS, 'analyzed', ...HANDLER_OUTCOMES] as const
export type DecisionOutput = (typeof DECISION_OUTPUTS)[number]
