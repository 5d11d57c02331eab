import { isMap, isScalar, isSeq } from 'yaml'
import type { Node, Scalar } from 'yaml'
import type { FixIntent } from '../../classify/types.js'
import { codeSpan } from '../../notify/escape.js'
import type { EditPlan } from '../edit-plan.js'
import { parseActionRef } from '../action-ref.js'
import { resolveRunner } from '../runner.js'
import type { HostedRunner } from '../runner.js'
import { replaceScalarValue } from '../source-edit.js'
import type { TextEdit } from '../source-edit.js'
import { imageHasMinor, parsePythonVersion, PYTHON_IMAGES, PYTHON_TABLE_SOURCES, pythonImage } from '../toolchain-table.js'
import type { PythonVersion } from '../toolchain-table.js'
import type { FixRefusal, PlanFixInput } from '../types.js'
import { scalarAt } from '../workflow-doc.js'
import type { Workflow, WorkflowJob, WorkflowStep, YamlPath } from '../workflow-doc.js'
import { editableJob, isSharedStep, sharedStepRefusal, stepLabel, targetStep } from './locate.js'

type ToolchainIntent = Extract<FixIntent, { kind: 'move-toolchain-version' }>

const MATRIX_EXPRESSION = /^\$\{\{\s*matrix\.([A-Za-z_][\w-]*)\s*\}\}$/

/**
 * For a Python version setup-python cannot install on the job's image: when the same minor exists
 * on the image but the exact patch does not, the version moves to `X.Y` (newest patch of the same
 * minor, a small move); otherwise `runs-on` is pinned to the newest hosted image that still has
 * the minor. Moving to another minor is a code decision, so ci-monitor leaves it to the
 * developers; pinning an older image is an infrastructure stopgap, proposed with its expiry.
 */
export function planMoveToolchainVersion(workflow: Workflow, intent: ToolchainIntent, input: PlanFixInput): EditPlan | FixRefusal {
  if (intent.tool !== 'python') {
    return {
      code: 'not-in-catalog',
      refused: `ci-monitor only keeps a table of the Python versions each hosted image provides; for ${codeSpan(intent.tool)} it proposes no change.`
    }
  }
  const job = editableJob(workflow, input.jobName)
  if ('refused' in job) return job
  const usesSetupPython = (step: WorkflowStep): boolean => {
    const uses = scalarAt(workflow.doc, step.map, 'uses')?.value
    if (typeof uses !== 'string') return false
    const ref = parseActionRef(uses)
    return ref.kind === 'remote' && ref.repo === 'actions/setup-python'
  }
  const step = targetStep(workflow, job, intent.step, usesSetupPython, `a step that uses ${codeSpan('actions/setup-python')}`)
  if ('refused' in step) return step
  const label = stepLabel(workflow, job.key, step)

  const found = versionNode(workflow, job, step, intent.version)
  if ('refused' in found) return found
  const version = parsePythonVersion(found.text)
  if (!version) {
    return { code: 'not-editable', refused: `The Python version of ${label} is ${codeSpan(found.text.slice(0, 40))}, not a plain X.Y or X.Y.Z version, so ci-monitor does not change it.` }
  }

  const runner = pickRunner(workflow, job, input, intent.image)
  if ('refused' in runner) return runner
  const image = pythonImage(runner.runner.image)
  if (!image || runner.runner.arch !== 'x64') {
    return { code: 'unsupported-runner', refused: `ci-monitor has no table of the Python versions on ${codeSpan(runner.label)}, so it proposes no change.` }
  }
  const minor = `${version.major}.${version.minor}`
  if (imageHasMinor(image, version)) {
    if (version.patch === null) {
      return {
        code: 'not-in-catalog',
        refused: `Python ${minor} is built for ${codeSpan(image.image)} as far as ci-monitor's table knows, so the failure to install it has another cause.`
      }
    }
    if (isSharedStep(workflow, step) && !found.path.includes('matrix')) return sharedStepRefusal(workflow, job.key, step)
    return movePatch(workflow, found, version, label, image.image)
  }
  const target = PYTHON_IMAGES.find((candidate) => candidate !== image && imageHasMinor(candidate, version))
  if (!target) {
    return {
      code: 'not-in-catalog',
      refused: `No GitHub-hosted Ubuntu image still provides Python ${minor}. Moving to a supported Python version is a code decision, so ci-monitor leaves it to the developers.`
    }
  }
  const pin = runsOnEdit(workflow, job, runner.label, target.label)
  if ('refused' in pin) return pin
  const jobLabel = `job ${codeSpan(job.key)}`
  return {
    edits: [pin.edit],
    expect: [{ path: pin.path, value: target.label }],
    title: `Run job ${job.key} on ${target.label}, which still provides Python ${minor}`,
    description: [
      `Pins ${codeSpan('runs-on')} of ${jobLabel} from ${codeSpan(runner.label)} (${image.image}) to ${codeSpan(target.label)}, the newest GitHub-hosted image that still provides Python ${minor}; ${codeSpan('actions/setup-python')} has no Python ${minor} build for ${image.image}.${pin.matrix ? ` It changes the matrix value, so every combination of the matrix that ran on ${codeSpan(runner.label)} moves.` : ''}`,
      `This is a stopgap with an expiry: GitHub keeps only the two newest Ubuntu images, so ${target.label} is removed when ${target.until}. Moving to a newer Python is a code decision for the developers; plan it before then.`,
      `Sources: ${PYTHON_TABLE_SOURCES}.`
    ].join('\n\n'),
    rollback: `Revert the commit, or set ${codeSpan('runs-on')} of ${jobLabel} back to ${codeSpan(runner.label)}.`,
    risk: { kind: 'move-toolchain-version', move: 'pin-image' }
  }
}

interface VersionNode {
  node: Scalar
  /** The version as written (a plain `3.10` is read from the source, not as the number 3.1). */
  text: string
  path: YamlPath
}

function versionNode(workflow: Workflow, job: WorkflowJob, step: WorkflowStep, hint: string): VersionNode | FixRefusal {
  const label = stepLabel(workflow, job.key, step)
  const withMap = workflow.doc.getIn([...step.path, 'with'], true) as Node | undefined
  if (!isMap(withMap)) return { code: 'not-found', refused: `${capital(label)} sets no Python version ci-monitor can change.` }
  if (withMap.has('python-version-file')) {
    return { code: 'not-editable', refused: `${capital(label)} reads the Python version from a file in the repository, which ci-monitor does not edit.` }
  }
  const node = scalarAt(workflow.doc, withMap, 'python-version')
  if (!node) return { code: 'not-found', refused: `${capital(label)} sets no ${codeSpan('python-version')} ci-monitor can change.` }
  const text = scalarText(workflow.text, node)
  const path = [...step.path, 'with', 'python-version']
  const matrixKey = MATRIX_EXPRESSION.exec(text)?.[1]
  if (!matrixKey) {
    const hinted = parsePythonVersion(hint)
    if (hinted && hinted.text !== text) {
      return { code: 'ambiguous', refused: `The log names Python ${codeSpan(hinted.text)} but ${label} sets ${codeSpan(text.slice(0, 40))}, so ci-monitor changes nothing.` }
    }
    return { node, text, path }
  }
  const list = workflow.doc.getIn([...job.path, 'strategy', 'matrix', matrixKey], true) as Node | undefined
  const items = isSeq(list) ? list.items : []
  const matching = items.flatMap((item, index) => (isScalar(item) && scalarText(workflow.text, item) === hint.trim() ? [{ item, index }] : []))
  if (matching.length !== 1) {
    return { code: 'ambiguous', refused: `The Python version of ${label} comes from the matrix and the failing value could not be matched to one entry, so ci-monitor changes nothing.` }
  }
  const { item, index } = matching[0]!
  return { node: item as Scalar, text: hint.trim(), path: [...job.path, 'strategy', 'matrix', matrixKey, index] }
}

/** The written text of a scalar: its source for plain scalars (numbers keep their trailing zeros). */
function scalarText(text: string, node: Scalar): string {
  if (node.type === 'PLAIN' && node.range) return text.slice(node.range[0], node.range[1]).trim()
  return String(node.value)
}

function pickRunner(workflow: Workflow, job: WorkflowJob, input: PlanFixInput, imageHint: string | null): { runner: HostedRunner; label: string } | FixRefusal {
  const resolved = resolveRunner(workflow, job, input.runnerLabels, input.jobName)
  if (resolved.kind !== 'hosted' || resolved.container) {
    return { code: 'unsupported-runner', refused: `Job ${codeSpan(job.key)} does not run directly on a GitHub-hosted image ci-monitor knows, so it cannot tell which Python versions it has.` }
  }
  let pairs = resolved.runners.map((runner, i) => ({ runner, label: resolved.labels[i]! }))
  const hint = typeof imageHint === 'string' ? imageHint.trim().toLowerCase() : ''
  if (pairs.length > 1 && hint !== '') pairs = pairs.filter((pair) => pair.runner.image === hint)
  if (pairs.length !== 1) {
    return { code: 'ambiguous', refused: `Job ${codeSpan(job.key)} runs on several images and the failing one could not be told, so ci-monitor changes nothing.` }
  }
  return pairs[0]!
}

function movePatch(workflow: Workflow, found: VersionNode, version: PythonVersion, label: string, image: string): EditPlan | FixRefusal {
  const minor = `${version.major}.${version.minor}`
  // A plain 3.10 would read as the number 3.1, so a plain scalar becomes a quoted one.
  const edit: TextEdit | null =
    found.node.type === 'PLAIN' && found.node.range
      ? { start: found.node.range[0], end: found.node.range[1], text: `'${minor}'` }
      : replaceScalarValue(workflow.text, found.node, minor)
  if (!edit) return { code: 'not-editable', refused: `The Python version of ${label} is written in a YAML form ci-monitor does not rewrite.` }
  return {
    edits: [edit],
    expect: [{ path: found.path, value: minor }],
    title: `Use Python ${minor} instead of ${version.text} in ${label.replace(/`/g, '')}`,
    description: [
      `Changes the Python version of ${label} from ${codeSpan(version.text)} to ${codeSpan(minor)}: ${codeSpan('actions/setup-python')} has no ${version.text} build for ${image}, and ${codeSpan(minor)} installs the newest ${minor} patch release it has.`,
      `Patch releases of one minor version only fix bugs, so this is a small move; pin an exact patch again if the project needs one. Sources: ${PYTHON_TABLE_SOURCES}.`
    ].join('\n\n'),
    rollback: `Revert the commit, or set the version back to ${codeSpan(version.text)}.`,
    risk: { kind: 'move-toolchain-version', move: 'patch-version' }
  }
}

function runsOnEdit(workflow: Workflow, job: WorkflowJob, from: string, to: string): { edit: TextEdit; path: YamlPath; matrix: boolean } | FixRefusal {
  const refusal: FixRefusal = { code: 'not-editable', refused: `The ${codeSpan('runs-on')} of job ${codeSpan(job.key)} is written in a form ci-monitor does not rewrite.` }
  const node = job.map.get('runs-on', true) as Node | undefined
  if (!isScalar(node) || typeof node.value !== 'string') return refusal
  const matrixKey = MATRIX_EXPRESSION.exec(node.value.trim())?.[1]
  if (!matrixKey) {
    const edit = node.value === from ? replaceScalarValue(workflow.text, node, to) : null
    return edit ? { edit, path: [...job.path, 'runs-on'], matrix: false } : refusal
  }
  const list = workflow.doc.getIn([...job.path, 'strategy', 'matrix', matrixKey], true) as Node | undefined
  if (!isSeq(list)) return refusal
  const index = list.items.findIndex((item) => isScalar(item) && item.value === from)
  const item = list.items[index]
  const edit = isScalar(item) ? replaceScalarValue(workflow.text, item, to) : null
  return edit ? { edit, path: [...job.path, 'strategy', 'matrix', matrixKey, index], matrix: true } : refusal
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
