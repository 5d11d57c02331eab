import { codeSpan } from '../../notify/escape.js'
import { findJob, findSteps } from '../job-match.js'
import type { FixRefusal } from '../types.js'
import { stepDisplayName } from '../workflow-doc.js'
import type { Workflow, WorkflowJob, WorkflowStep } from '../workflow-doc.js'

/** The failed job, refusing jobs that call a reusable workflow (their steps live in another file). */
export function editableJob(workflow: Workflow, jobName: string): WorkflowJob | FixRefusal {
  const job = findJob(workflow, jobName)
  if ('refused' in job) return job
  if (job.uses !== null) {
    return {
      code: 'not-editable',
      refused: `Job ${codeSpan(job.key)} calls a reusable workflow; its steps are in the called workflow, which ci-monitor does not edit.`
    }
  }
  return job
}

/**
 * The step a fix is about: the one named `stepName` (as the jobs API shows it) when a name is
 * given and `fits` it, else the only step of the job that `fits`. `what` names the kind of step
 * in refusals ("a step that runs npm").
 */
export function targetStep(
  workflow: Workflow,
  job: WorkflowJob,
  stepName: string | null | undefined,
  fits: (step: WorkflowStep) => boolean,
  what: string
): WorkflowStep | FixRefusal {
  const name = typeof stepName === 'string' && stepName.trim() !== '' ? stepName : null
  if (name !== null) {
    const named = findSteps(workflow, job, name)
    if (named.length === 1) {
      if (fits(named[0]!)) return named[0]!
      return { code: 'not-found', refused: `Step ${codeSpan(name.slice(0, 120))} of job ${codeSpan(job.key)} is not ${what}, so ci-monitor changes nothing.` }
    }
    if (named.length > 1) return { code: 'ambiguous', refused: `Several steps of job ${codeSpan(job.key)} could be ${codeSpan(name.slice(0, 120))}, so none is changed.` }
  }
  const fitting = job.steps.filter(fits)
  if (fitting.length === 1) return fitting[0]!
  if (fitting.length === 0) return { code: 'not-found', refused: `No step of job ${codeSpan(job.key)} is ${what}.` }
  return { code: 'ambiguous', refused: `Several steps of job ${codeSpan(job.key)} are ${what} and the failing one could not be told, so none is changed.` }
}

export function stepLabel(workflow: Workflow, jobKey: string, step: WorkflowStep): string {
  return `step ${codeSpan(stepDisplayName(workflow.doc, step) ?? `#${step.index + 1}`)} of job ${codeSpan(jobKey)}`
}

/** True when a YAML anchor makes this step's mapping appear in more than one place. */
export function isSharedStep(workflow: Workflow, step: WorkflowStep): boolean {
  return workflow.jobs.flatMap((job) => job.steps).filter((other) => other.map === step.map).length > 1
}

export function sharedStepRefusal(workflow: Workflow, jobKey: string, step: WorkflowStep): FixRefusal {
  return {
    code: 'not-editable',
    refused: `${stepLabel(workflow, jobKey, step).replace(/^step/, 'Step')} is shared with other jobs through a YAML anchor, so changing it would change them too; ci-monitor changes nothing.`
  }
}
