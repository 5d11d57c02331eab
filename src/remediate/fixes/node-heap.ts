import type { FixIntent } from '../../classify/types.js'
import { codeSpan } from '../../notify/escape.js'
import type { EditPlan } from '../edit-plan.js'
import { envBlocked, envLevels, nearestEnv, setEnv } from '../env-edit.js'
import type { EnvLevel } from '../env-edit.js'
import { findSteps } from '../job-match.js'
import { memoryMiB, resolveRunner } from '../runner.js'
import type { FixRefusal, PlanFixInput } from '../types.js'
import { scalarAt } from '../workflow-doc.js'
import type { Workflow, WorkflowStep } from '../workflow-doc.js'
import { editableJob, isSharedStep, stepLabel } from './locate.js'

type HeapIntent = Extract<FixIntent, { kind: 'node-heap' }>

const NAME = 'NODE_OPTIONS'
const FLAG = /--max-old-space-size=(\d+)/
/**
 * The first raise when no size is set: since Node 12 the default is derived from the machine's
 * memory and capped near 2048 MB (nodejs/node#25576, #28202), so this roughly doubles it.
 */
const FIRST_SIZE_MIB = 4096
/**
 * Node's docs suggest leaving memory for the rest of the machine ("on a machine with 2 GiB of
 * memory, consider setting this to 1536 (1.5 GiB)", nodejs.org/api/cli.html
 * `--max-old-space-size`): ci-monitor never goes above 75 % of the runner's memory.
 */
const SHARE_OF_MEMORY = 0.75

/**
 * Gives V8 a larger old space for a "JavaScript heap out of memory" crash by setting
 * `--max-old-space-size` in NODE_OPTIONS (merged with the flags already there), in the failing
 * step's `env:` or, when the step cannot be told, the job's.
 */
export function planNodeHeap(workflow: Workflow, intent: HeapIntent, input: PlanFixInput): EditPlan | FixRefusal {
  const job = editableJob(workflow, input.jobName)
  if ('refused' in job) return job
  const runner = resolveRunner(workflow, job, input.runnerLabels, input.jobName)
  if (runner.kind !== 'hosted') {
    const on = runner.kind === 'other' ? ` (${runner.labels.map(codeSpan).join(', ')})` : ''
    return {
      code: 'unsupported-runner',
      refused: `Job ${codeSpan(job.key)} does not run on a GitHub-hosted runner ci-monitor knows${on}, so the memory a larger heap could use is unknown.`
    }
  }
  const memory = Math.min(...runner.runners.map((r) => memoryMiB(r, input.repositoryVisibility)))
  const cap = Math.floor((memory * SHARE_OF_MEMORY) / 512) * 512

  const named = typeof intent.step === 'string' && intent.step.trim() !== '' ? findSteps(workflow, job, intent.step) : []
  // A step shared through an anchor would carry the change into other jobs: use the job's env then.
  const step: WorkflowStep | null = named.length === 1 && !isSharedStep(workflow, named[0]!) ? named[0]! : null
  const run = step ? scalarAt(workflow.doc, step.map, 'run')?.value : undefined
  if (typeof run === 'string' && (run.includes(NAME) || FLAG.test(run))) {
    return { code: 'not-editable', refused: `${capital(stepLabel(workflow, job.key, step!))} sets the heap size in its own script, which ci-monitor does not rewrite.` }
  }

  const levels = envLevels(workflow, job, step)
  const current = nearestEnv(levels, [NAME])
  const currentText = current ? current.node.value : null
  if (currentText !== null && typeof currentText !== 'string') return notEditable(current!.level)
  if (typeof currentText === 'string' && currentText.includes('${{')) {
    return { code: 'not-editable', refused: `${codeSpan(NAME)} is set from an expression, so ci-monitor does not change it.` }
  }
  const currentSize = typeof currentText === 'string' ? Number(FLAG.exec(currentText)?.[1] ?? NaN) : NaN
  const had = Number.isFinite(currentSize)
  const next = Math.min(cap, had ? currentSize * 2 : FIRST_SIZE_MIB)
  const where = runner.labels.map(codeSpan).join(', ')
  const memoryNote = `${where} ${runner.runners.length > 1 ? 'have' : 'has'} ${memory / 1024} GB of memory${input.repositoryVisibility ? '' : ' (the repository visibility was not known, so the smaller private-repository figure is assumed)'}`
  if (had && next <= currentSize) {
    return {
      code: 'at-cap',
      refused: `The heap is already ${currentSize} MiB; ${memoryNote}, and ci-monitor keeps the heap at or below ${cap} MiB, so the build's memory use needs a look.`
    }
  }

  const flag = `--max-old-space-size=${next}`
  const value = typeof currentText === 'string' ? (had ? currentText.replace(FLAG, flag) : `${currentText} ${flag}`.trim()) : flag
  // Edit the entry where it is when it belongs to this step or job; a workflow-wide one is
  // overridden for this step (or job) only, carrying its other flags along.
  const target: EnvLevel = current && current.level.level !== 'workflow' ? current.level : levels[0]!
  if (target !== current?.level && envBlocked(workflow, target.owner)) return notEditable(target)
  const set = setEnv(workflow, target, NAME, value, value)
  if (!set) return notEditable(target)
  const targetLabel = levelLabel(workflow, target, job.key, step)
  const carried = current && current.level !== target ? ` It carries over the workflow's other ${codeSpan(NAME)} flags.` : ''
  return {
    edits: [set.edit],
    expect: [set.expect],
    title: `Raise the Node.js heap to ${next} MiB for ${targetLabel.replace(/`/g, '')}`,
    description: [
      `Sets ${codeSpan(`${NAME}: ${value}`)} in the ${codeSpan('env')} of ${targetLabel}${had ? `, up from ${currentSize} MiB` : ''}. Node.js ran out of JavaScript heap; without the flag V8 sizes its heap from the machine's memory, up to about 2 GB.${carried}`,
      `${capital(memoryNote)}; ci-monitor keeps the heap at or below ${SHARE_OF_MEMORY * 100} % of that (${cap} MiB), as Node's documentation advises leaving memory for the rest of the machine.`,
      'If the build runs out of memory again at this size, it is likely to keep growing: look for a leak or split the work.'
    ].join('\n\n'),
    rollback: `Revert the commit, or ${current && current.level === target ? `set ${codeSpan(NAME)} back to ${codeSpan(String(currentText))}` : `remove ${codeSpan(NAME)} from the ${codeSpan('env')} of ${targetLabel}`}.`,
    risk: { kind: 'node-heap', heapMiB: next, runnerMemoryMiB: memory }
  }
}

function levelLabel(workflow: Workflow, level: EnvLevel, jobKey: string, step: WorkflowStep | null): string {
  if (level.level === 'step' && step) return stepLabel(workflow, jobKey, step)
  return level.level === 'job' ? `job ${codeSpan(jobKey)}` : 'the workflow'
}

function notEditable(level: EnvLevel): FixRefusal {
  return { code: 'not-editable', refused: `The ${codeSpan('env')} at ${level.level} level is written in a YAML form ci-monitor does not rewrite.` }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
