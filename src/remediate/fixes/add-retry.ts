import type { Scalar } from 'yaml'
import type { FixIntent } from '../../classify/types.js'
import { codeSpan } from '../../notify/escape.js'
import type { EditPlan } from '../edit-plan.js'
import { envBlocked, envLevels, nearestEnv, setEnv } from '../env-edit.js'
import { resolveRunner } from '../runner.js'
import type { TextEdit } from '../source-edit.js'
import { hasRetryLoop, INSTALLERS, installerOf, mentionsTool, retryLine, RETRY_ATTEMPTS, wrapLine } from '../templates/retry.js'
import type { Installer } from '../templates/retry.js'
import type { FixRefusal, PlanFixInput } from '../types.js'
import { scalarAt } from '../workflow-doc.js'
import type { Workflow, WorkflowJob, WorkflowStep } from '../workflow-doc.js'
import { editableJob, isSharedStep, sharedStepRefusal, stepLabel, targetStep } from './locate.js'

type RetryIntent = Extract<FixIntent, { kind: 'add-retry' }>

/**
 * Retries the network install that failed: the tool's own retry setting when an environment
 * variable reaches it, else the step's install lines each inside the catalog retry loop (see
 * templates/retry.ts for the choice and its sources).
 */
export function planAddRetry(workflow: Workflow, intent: RetryIntent, input: PlanFixInput): EditPlan | FixRefusal {
  const installer = INSTALLERS.find((i) => i.tool === intent.tool)
  if (!installer) return { code: 'not-in-catalog', refused: `ci-monitor has no retry recipe for ${codeSpan(String(intent.tool).slice(0, 40))}.` }
  const job = editableJob(workflow, input.jobName)
  if ('refused' in job) return job
  const runsTool = (step: WorkflowStep): boolean => runLines(workflow, step)?.some((line) => mentionsTool(line, installer.tool)) ?? false
  const step = targetStep(workflow, job, intent.step, runsTool, `a step that runs ${codeSpan(installer.tool)}`)
  if ('refused' in step) return step
  return installer.env ? raiseToolRetries(workflow, job, step, installer, installer.env) : wrapInstallLine(workflow, job, step, installer, input)
}

function runLines(workflow: Workflow, step: WorkflowStep): string[] | null {
  const run = scalarAt(workflow.doc, step.map, 'run')?.value
  return typeof run === 'string' ? run.split('\n') : null
}

function raiseToolRetries(workflow: Workflow, job: WorkflowJob, step: WorkflowStep, installer: Installer, env: NonNullable<Installer['env']>): EditPlan | FixRefusal {
  const label = stepLabel(workflow, job.key, step)
  const names = [env.name, env.name.toUpperCase(), env.name.toLowerCase()]
  const levels = envLevels(workflow, job, step)
  const current = nearestEnv(levels, names)
  const currentValue = current ? Number(current.node.value) : null
  if (currentValue !== null && Number.isFinite(currentValue) && currentValue >= env.value) {
    return {
      code: 'nothing-to-change',
      refused: `Nothing to change: ${codeSpan(current!.name)} is already ${currentValue} for ${label}; the registry stayed unreachable through those retries, so this needs a person.`
    }
  }
  // The step's own env wins over the job's and the workflow's, so the raise goes there, unless
  // the step is shared with other jobs through an anchor: then the job's env takes it.
  const shared = isSharedStep(workflow, step)
  const targetLevel = shared ? levels[1]! : levels[0]!
  const where = shared ? `job ${codeSpan(job.key)}` : label
  if (envBlocked(workflow, targetLevel.owner)) return notEditable(`the ${codeSpan('env')} of ${where}`)
  const target = current?.level === targetLevel ? current.name : env.name
  const set = setEnv(workflow, targetLevel, target, String(env.value), env.value)
  if (!set) return notEditable(`the ${codeSpan('env')} of ${where}`)
  const was = current ? ` (it was ${String(current.node.value)} at ${current.level.level} level)` : ''
  return {
    edits: [set.edit],
    expect: [set.expect],
    title: `Raise ${installer.tool} network retries for step ${plain(label)}`,
    description: [
      `Sets ${codeSpan(`${target}: ${env.value}`)} in the ${codeSpan('env')} of ${where}${was}: ${env.why}. The install failed on a network or registry error, which a retry with backoff usually outlasts; no command changes.`,
      'If the registry is down for longer than the retries last, the step still fails and says so.'
    ].join('\n\n'),
    rollback: `Revert the commit, or remove ${codeSpan(target)} from the ${codeSpan('env')} of ${where}.`,
    risk: { kind: 'add-retry', mechanism: 'env' }
  }
}

function wrapInstallLine(workflow: Workflow, job: WorkflowJob, step: WorkflowStep, installer: Installer, input: PlanFixInput): EditPlan | FixRefusal {
  const label = stepLabel(workflow, job.key, step)
  if (isSharedStep(workflow, step)) return sharedStepRefusal(workflow, job.key, step)
  const node = scalarAt(workflow.doc, step.map, 'run')!
  const run = String(node.value)
  if (hasRetryLoop(run)) return { code: 'nothing-to-change', refused: `Nothing to change: ${label} already retries its install with ci-monitor's loop.` }
  const lines = run.split('\n')
  const targets = lines.flatMap((line, i) => (mentionsTool(line, installer.tool) ? [i] : []))
  if (targets.some((i) => installerOf(lines[i]!) !== installer || wrapLine(lines[i]!) === null)) {
    return {
      code: 'not-editable',
      refused: `A ${codeSpan(installer.tool)} line of ${label} is not a single plain install command (it has pipes, expansions, other goals or comments), so ci-monitor does not wrap it in a retry.`
    }
  }
  const shell = effectiveShell(workflow, job, step, input)
  if (shell !== 'bash' && shell !== 'sh') {
    return {
      code: 'unsupported-runner',
      refused: `${capital(label)} does not run in bash or sh (${shell === null ? 'its shell could not be told' : `its shell is ${codeSpan(shell)}`}), and ci-monitor's retry loop is a POSIX shell loop.`
    }
  }
  const edits: TextEdit[] = []
  for (const index of targets) {
    const line = lines[index]!
    const indent = /^[ \t]*/.exec(line)![0]
    const edit = editRunLine(workflow.text, node, index, indent, line.slice(indent.length))
    if (!edit) return notEditable(`the ${codeSpan('run')} text of ${label}`)
    edits.push(edit)
  }
  const wrapped = lines.map((line, i) => (targets.includes(i) ? wrapLine(line)! : line)).join('\n')
  const commands = targets.map((i) => codeSpan(lines[i]!.trim()))
  return {
    edits,
    expect: [{ path: [...step.path, 'run'], value: wrapped }],
    title: `Retry ${installer.tool} downloads in step ${plain(label)}`,
    description: [
      `Wraps ${commands.join(' and ')} in ${label} in ci-monitor's retry loop: up to ${RETRY_ATTEMPTS} attempts, waiting 15 and then 30 seconds, and the last failure still fails the step with the tool's exit status. The install failed on a network or registry error, which a retry with backoff usually outlasts.`,
      `${codeSpan(installer.tool)} has no retry setting that an environment variable reaches in every version, so the command line itself is retried; nothing else in the step changes.`
    ].join('\n\n'),
    rollback: `Revert the commit, or put back ${commands.join(' and ')} in place of the loop.`,
    risk: { kind: 'add-retry', mechanism: 'wrap' }
  }
}

/**
 * The shell a `run:` step uses: its own `shell:`, else `defaults.run.shell` of the job or the
 * workflow, else the runner's default (bash on Linux and macOS, sh in a container, pwsh on Windows).
 */
function effectiveShell(workflow: Workflow, job: WorkflowJob, step: WorkflowStep, input: PlanFixInput): string | null {
  const declared =
    scalarAt(workflow.doc, step.map, 'shell')?.value ??
    workflow.doc.getIn([...job.path, 'defaults', 'run', 'shell']) ??
    workflow.doc.getIn(['defaults', 'run', 'shell'])
  if (declared !== undefined) return typeof declared === 'string' ? declared.trim() : null
  const runner = resolveRunner(workflow, job, input.runnerLabels, input.jobName)
  if (runner.kind !== 'hosted') return null
  if (runner.container) return 'sh'
  const systems = new Set(runner.runners.map((r) => r.os))
  if (systems.size !== 1) return null
  return systems.has('windows') ? 'pwsh' : 'bash'
}

/**
 * Replaces the command on one line of a run text in the source: inside a literal block scalar the
 * source line is the value line plus the block's indentation; a single-line plain scalar is the
 * command itself. Null for folded or quoted scalars, whose source differs from their value.
 */
function editRunLine(text: string, node: Scalar, index: number, indent: string, command: string): TextEdit | null {
  const range = node.range
  if (!range) return null
  const source = text.slice(range[0], range[1])
  const value = String(node.value)
  if (node.type === 'PLAIN') {
    if (source !== value || value.includes('\n')) return null
    return { start: range[0], end: range[1], text: retryLine(command) }
  }
  if (node.type !== 'BLOCK_LITERAL') return null
  const headerEnd = source.indexOf('\n')
  if (headerEnd === -1) return null
  const sourceLines = source.slice(headerEnd + 1).split('\n').map((line) => line.replace(/\r$/, ''))
  const valueLines = value.split('\n')
  const firstContent = valueLines.findIndex((line) => line.trim() !== '')
  const firstSource = sourceLines.findIndex((line) => line.trim() !== '')
  if (firstContent === -1 || firstSource === -1 || firstContent !== firstSource) return null
  const blockIndent = sourceLines[firstSource]!.length - valueLines[firstContent]!.length
  const target = sourceLines[index]
  if (blockIndent < 0 || target === undefined || target.slice(blockIndent) !== indent + command) return null
  let offset = range[0] + headerEnd + 1
  for (let i = 0; i < index; i++) offset += text.slice(offset).indexOf('\n') + 1
  const start = offset + blockIndent + indent.length
  if (text.slice(start, start + command.length) !== command) return null
  return { start, end: start + command.length, text: retryLine(command) }
}

function notEditable(what: string): FixRefusal {
  return { code: 'not-editable', refused: `${capital(what)} is written in a YAML form ci-monitor does not rewrite.` }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function plain(label: string): string {
  return label.replace(/`/g, '').replace(/^step /, '')
}
