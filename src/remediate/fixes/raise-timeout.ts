import { isScalar } from 'yaml'
import type { Scalar, YAMLMap } from 'yaml'
import type { FixIntent } from '../../classify/types.js'
import type { EditPlan } from '../edit-plan.js'
import { findJob, findSteps } from '../job-match.js'
import { codeSpan } from '../../notify/escape.js'
import { insertAboveKey } from '../block-edit.js'
import { replaceScalarValue } from '../source-edit.js'
import type { TextEdit } from '../source-edit.js'
import type { FixRefusal } from '../types.js'
import { scalarAt, stepDisplayName } from '../workflow-doc.js'
import type { Workflow, WorkflowJob, WorkflowStep, YamlPath } from '../workflow-doc.js'

type TimeoutIntent = Extract<FixIntent, { kind: 'raise-timeout' }>

/** GitHub's job limit when `timeout-minutes` is absent, and the most a hosted runner allows. */
export const DEFAULT_JOB_TIMEOUT_MINUTES = 360
const FACTOR = 1.5
const KEY = 'timeout-minutes'

/** The limit after one raise: ×1.5 rounded up, never above the cap. */
function raisedTimeout(current: number, cap: number): number {
  return Math.min(cap, Math.ceil(current * FACTOR))
}

/**
 * Raises the `timeout-minutes` that stopped the run: the step's own limit when the intent names a
 * step that timed out ("The action has timed out."), otherwise the job's.
 */
export function planRaiseTimeout(workflow: Workflow, intent: TimeoutIntent, jobName: string, cap: number): EditPlan | FixRefusal {
  const job = findJob(workflow, jobName)
  if ('refused' in job) return job
  if (job.uses !== null) {
    return {
      code: 'not-editable',
      refused: `Job ${codeSpan(job.key)} calls a reusable workflow; its time limits are set in the called workflow, which ci-monitor does not edit.`
    }
  }
  const step = typeof intent.step === 'string' && intent.step.trim() !== '' ? intent.step : null
  return step === null ? raiseJobTimeout(workflow, job, intent, cap) : raiseStepTimeout(workflow, job, step, cap)
}

function raiseJobTimeout(workflow: Workflow, job: WorkflowJob, intent: TimeoutIntent, cap: number): EditPlan | FixRefusal {
  const node = scalarAt(workflow.doc, job.map, KEY)
  const jobLabel = `job ${codeSpan(job.key)}`
  const observed = observedNote(intent, node)
  if (node) {
    if (typeof node.value !== 'number') return expressionRefusal(jobLabel)
    return replaceTimeout(workflow, node, node.value, cap, jobLabel, [...job.path, KEY], [capNote(cap), ...observed])
  }
  // Absent: the job ran with GitHub's default, so the raise starts from there.
  const current = DEFAULT_JOB_TIMEOUT_MINUTES
  const next = raisedTimeout(current, cap)
  if (next <= current) return atCap(jobLabel, current, cap, true)
  const stepsKey = keyNode(job.map, 'steps')
  const edit = stepsKey ? insertAboveKey(workflow.text, stepsKey, [`${KEY}: ${next}`]) : null
  if (!edit) return notEditable(jobLabel)
  return {
    edits: [edit],
    expect: [{ path: [...job.path, KEY], value: next }],
    title: `Set timeout-minutes of job ${job.key} to ${next}`,
    description: [
      `Sets ${codeSpan(KEY)} of ${jobLabel} to ${next} minutes; it ran with GitHub's default limit of ${current} minutes and was stopped there.`,
      capNote(cap),
      ...observed
    ].join('\n\n'),
    rollback: `Revert the commit, or delete the ${codeSpan(`${KEY}: ${next}`)} line of ${jobLabel}.`,
    risk: { kind: 'raise-timeout', addedMinutes: next - current }
  }
}

function raiseStepTimeout(workflow: Workflow, job: WorkflowJob, stepName: string, cap: number): EditPlan | FixRefusal {
  const limited = job.steps.filter((s) => scalarAt(workflow.doc, s.map, KEY) !== null)
  const named = findSteps(workflow, job, stepName).filter((s) => limited.includes(s))
  // A step only times out on its own when it has a limit; if one step has one, that is the step.
  const step: WorkflowStep | undefined = named.length === 1 ? named[0] : named.length === 0 && limited.length === 1 ? limited[0] : undefined
  if (!step) {
    return {
      code: limited.length === 0 ? 'not-found' : 'ambiguous',
      refused: `Could not tell which step of job ${codeSpan(job.key)} hit its own time limit, so no step limit is changed.`
    }
  }
  const node = scalarAt(workflow.doc, step.map, KEY)!
  const label = `step ${codeSpan(stepDisplayName(workflow.doc, step) ?? `#${step.index + 1}`)} of job ${codeSpan(job.key)}`
  if (typeof node.value !== 'number') return expressionRefusal(label)
  // Above the job's own limit the job would be stopped first, so that limit caps the step.
  const jobLimit = scalarAt(workflow.doc, job.map, KEY)?.value
  const jobCap = typeof jobLimit === 'number' ? jobLimit : DEFAULT_JOB_TIMEOUT_MINUTES
  const stepCap = Math.min(cap, jobCap)
  const note = stepCap < cap ? `A step's limit is never raised above its job's limit, here ${jobCap} minutes.` : capNote(cap)
  return replaceTimeout(workflow, node, node.value, stepCap, label, [...step.path, KEY], [note])
}

function replaceTimeout(
  workflow: Workflow,
  node: Scalar,
  current: number,
  cap: number,
  label: string,
  path: YamlPath,
  notes: string[]
): EditPlan | FixRefusal {
  const next = raisedTimeout(current, cap)
  if (next <= current) return atCap(label, current, cap, false)
  const edit: TextEdit | null = replaceScalarValue(workflow.text, node, String(next))
  if (!edit) return notEditable(label)
  const plainLabel = label.replace(/`/g, '')
  return {
    edits: [edit],
    expect: [{ path, value: next }],
    title: `Raise timeout-minutes of ${plainLabel} from ${current} to ${next}`,
    description: [
      `Raises ${codeSpan(KEY)} of ${label} from ${current} to ${next} minutes (×${FACTOR}, rounded up). The run was stopped when it reached the old limit; work that is slow but progressing gets room to finish, and a hung run is still stopped at the new limit.`,
      ...notes
    ].join('\n\n'),
    rollback: `Revert the commit, or set ${codeSpan(KEY)} of ${label} back to ${current}.`,
    risk: { kind: 'raise-timeout', addedMinutes: next - current }
  }
}

function observedNote(intent: TimeoutIntent, node: Scalar | null): string[] {
  const observed = intent.observedMinutes
  if (typeof observed !== 'number' || !Number.isFinite(observed)) return []
  const configured = node && typeof node.value === 'number' ? node.value : DEFAULT_JOB_TIMEOUT_MINUTES
  if (Math.round(observed) === configured) return []
  return [
    `The log reported a limit of ${Math.round(observed)} minutes while this workflow file sets ${configured}; the raise starts from the file's value.`
  ]
}

function capNote(cap: number): string {
  return `Limits are never raised above ${cap} minutes (a GitHub-hosted job may run at most ${DEFAULT_JOB_TIMEOUT_MINUTES}).`
}

function atCap(label: string, current: number, cap: number, isDefault: boolean): FixRefusal {
  const how = isDefault ? `runs with GitHub's default limit of ${current} minutes` : `already allows ${current} minutes`
  return {
    code: 'at-cap',
    refused: `The ${label} ${how}, which is at or above the cap of ${cap}; a longer limit will not fix this, so the slow or hung work needs a look.`
  }
}

function expressionRefusal(label: string): FixRefusal {
  return { code: 'not-editable', refused: `The ${codeSpan(KEY)} of ${label} is an expression, not a number, so ci-monitor does not change it.` }
}

function notEditable(label: string): FixRefusal {
  return { code: 'not-editable', refused: `The ${codeSpan(KEY)} of ${label} is written in a YAML form ci-monitor does not rewrite.` }
}

function keyNode(map: YAMLMap, key: string): Scalar | null {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key)
  return pair && isScalar(pair.key) ? pair.key : null
}
