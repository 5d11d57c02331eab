import { isScalar, isSeq } from 'yaml'
import type { Node, Pair, Scalar } from 'yaml'
import type { FixIntent } from '../../classify/types.js'
import { codeSpan } from '../../notify/escape.js'
import { insertFirstInBlockSeq } from '../block-edit.js'
import type { EditPlan } from '../edit-plan.js'
import { resolveRunner } from '../runner.js'
import { FREE_DISK_PARTS, FREE_DISK_STEP_NAME, freeDiskRun, isFreeDiskStep } from '../templates/free-disk.js'
import type { FixRefusal, PlanFixInput } from '../types.js'
import type { Workflow } from '../workflow-doc.js'
import { editableJob } from './locate.js'

type DiskIntent = Extract<FixIntent, { kind: 'free-disk' }>

/** Steps that already free space: ci-monitor's own, well-known actions, or the same rm lines. */
const FREES_DISK = /free-disk-space|maximize-build-space|remove-unwanted-software|rm -rf \/usr\/(?:share\/dotnet|local\/lib\/android)/

/**
 * Frees disk space on a GitHub-hosted Ubuntu runner with a catalog step inserted as the job's
 * first step. First rather than just before the failing step: earlier steps may already fill the
 * disk, may have installed into the removed folders (setup-dotnet uses /usr/share/dotnet), or
 * built Docker images a prune would delete.
 */
export function planFreeDisk(workflow: Workflow, _intent: DiskIntent, input: PlanFixInput): EditPlan | FixRefusal {
  const job = editableJob(workflow, input.jobName)
  if ('refused' in job) return job
  const jobLabel = `job ${codeSpan(job.key)}`
  if (job.map.has('container')) {
    return {
      code: 'unsupported-runner',
      refused: `The steps of ${jobLabel} run inside a container, where the runner's preinstalled toolchains are out of reach, so ci-monitor's free-disk step would not help.`
    }
  }
  const runner = resolveRunner(workflow, job, input.runnerLabels, input.jobName)
  if (runner.kind === 'unknown') {
    return { code: 'unsupported-runner', refused: `The runner of ${jobLabel} could not be told, and the free-disk step is only for GitHub-hosted Ubuntu runners.` }
  }
  const labels = runner.labels.map(codeSpan).join(', ')
  if (runner.kind === 'other') {
    return {
      code: 'unsupported-runner',
      refused: `${capital(jobLabel)} runs on ${labels}, which is not a standard GitHub-hosted runner (self-hosted or larger runners manage their own disk), so ci-monitor proposes no free-disk step.`
    }
  }
  if (runner.runners.some((r) => r.os !== 'linux' || r.container)) {
    return {
      code: 'unsupported-runner',
      refused: `${capital(jobLabel)} runs on ${labels}; the free-disk step removes folders of the GitHub-hosted Ubuntu images and is not proposed for Windows, macOS or container runners.`
    }
  }

  const jobText = sourceOf(workflow.text, job.map.range)
  const existing = job.steps.find((step) => isFreeDiskStep(step.map.toJS(workflow.doc)) || FREES_DISK.test(sourceOf(workflow.text, step.map.range)))
  if (existing) {
    return {
      code: 'nothing-to-change',
      refused: `Nothing to change: ${jobLabel} already frees disk space (step #${existing.index + 1}), and still ran out; the build needs less disk or a larger runner.`
    }
  }
  const parts = FREE_DISK_PARTS.filter((part) => !part.usedWhen.test(jobText))
  const kept = FREE_DISK_PARTS.filter((part) => !parts.includes(part))
  if (parts.every((part) => part.id === 'docker-images')) {
    return { code: 'not-editable', refused: `${capital(jobLabel)} mentions every toolchain the free-disk step could remove, so removing them could break it.` }
  }

  const stepsPair = job.map.items.find((pair: Pair) => isScalar(pair.key) && pair.key.value === 'steps')
  const seq = stepsPair?.value as Node | undefined
  if (!stepsPair || !isSeq(seq)) return { code: 'not-editable', refused: `The steps of ${jobLabel} are written in a YAML form ci-monitor does not rewrite.` }
  const run = freeDiskRun(parts)
  const lines = [`- name: ${FREE_DISK_STEP_NAME}`, '  run: |', ...run.replace(/\n$/, '').split('\n').map((line) => `    ${line}`)]
  const edit = insertFirstInBlockSeq(workflow.text, stepsPair.key as Scalar, seq, lines)
  if (!edit) return { code: 'not-editable', refused: `The steps of ${jobLabel} are written in a YAML form ci-monitor does not rewrite.` }
  const oldSteps = seq.toJS(workflow.doc) as unknown[]
  const removed = parts.map((part) => part.label)
  return {
    edits: [edit],
    expect: [{ path: [...job.path, 'steps'], value: [{ name: FREE_DISK_STEP_NAME, run }, ...oldSteps] }],
    title: `Free disk space at the start of job ${job.key}`,
    description: [
      `Adds a first step to ${jobLabel} that removes ${removed.join(', ')} from the GitHub-hosted runner (${labels}), which has 14 GB of SSD and ran out of space. Standard hosted runners are fresh VMs, so nothing outside this job is affected.`,
      ...(kept.length > 0 && kept.some((part) => part.id !== 'docker-images') ? [`Kept because this job's workflow text mentions them: ${kept.filter((part) => part.id !== 'docker-images').map((part) => part.label).join(', ')}.`] : []),
      'It runs first, before any step could install into or build on what it removes. The step is a fixed ci-monitor template, not a third-party action. If the job still runs out of disk, it needs less data or a larger runner.'
    ].join('\n\n'),
    rollback: `Revert the commit, or delete the step ${codeSpan(FREE_DISK_STEP_NAME)} of ${jobLabel}.`,
    risk: { kind: 'free-disk', removedToolchains: parts.filter((part) => part.id !== 'docker-images').length }
  }
}

function sourceOf(text: string, range: [number, number, number] | null | undefined): string {
  return range ? text.slice(range[0], range[2]) : ''
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

