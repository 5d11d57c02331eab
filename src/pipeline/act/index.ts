import type { RunInfo } from '../../github/runs.js'
import type { DecidedJob } from '../decide-jobs.js'
import { deliverFix } from './fix.js'
import { notify } from './notify.js'
import { rerunWithinBudgets } from './rerun.js'
import { EffectLog, type ActDeps, type ActResult, type FixOutcome, type JobOutcome } from './types.js'

export type { ActDeps, ActResult, JobOutcome, SlackTarget } from './types.js'

/** Acts on the decisions: fixes first (so notifications can link the pull request), re-run or incident, notify. */
export async function act(run: RunInfo, baseBranch: string, jobs: DecidedJob[], deps: ActDeps): Promise<ActResult> {
  const effects = new EffectLog(deps.now)
  const fixesByFingerprint = new Map<string, FixOutcome>()
  const outcomes: JobOutcome[] = []
  for (const job of jobs) {
    const { decision } = job
    let outcome: FixOutcome = { prUrl: null, prNumber: null, patch: null, done: '' }
    if (decision.fix && (decision.action === 'open-pr' || decision.action === 'deliver-patch')) {
      const known = fixesByFingerprint.get(job.triage.fingerprint)
      outcome = known ?? (await deliverFix(job, run, baseBranch, deps, effects))
      fixesByFingerprint.set(job.triage.fingerprint, outcome)
    }
    outcomes.push({ ...job, ...outcome })
  }

  await rerunWithinBudgets(run, baseBranch, outcomes, deps, effects)
  for (const outcome of outcomes) if (outcome.done === '') outcome.done = notifyOnlySentence(outcome)

  await notify(run, outcomes, deps, effects)
  return { jobs: outcomes, effects: effects.effects, problems: effects.problems }
}

function notifyOnlySentence(job: JobOutcome): string {
  if (job.diagnosis.owner === 'DEVELOPER') return 'Reported to the developers; ci-monitor changed nothing.'
  return 'Reported; ci-monitor changed nothing.'
}
