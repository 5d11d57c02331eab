import * as workflowParser from '@actions/workflow-parser'
import { parseDocument } from 'yaml'
import { isMap } from './data.js'
import type { Json, JsonMap } from './data.js'

/**
 * Checks a workflow text against GitHub's workflow syntax and returns the problems found (empty
 * when valid). The gate compares the problems before and after an edit, so an older workflow
 * using keys a validator does not know yet is not blamed on the fix.
 */
export type WorkflowValidator = (text: string) => string[]

const TOP_KEYS = new Set(['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs'])
const JOB_KEYS = new Set([
  'name', 'permissions', 'needs', 'if', 'runs-on', 'snapshot', 'environment', 'concurrency', 'outputs', 'env', 'defaults',
  'steps', 'timeout-minutes', 'strategy', 'continue-on-error', 'container', 'services', 'uses', 'with', 'secrets'
])
const STEP_KEYS = new Set(['id', 'if', 'name', 'uses', 'run', 'shell', 'with', 'env', 'continue-on-error', 'timeout-minutes', 'working-directory'])
const SCOPES = new Set([
  'actions', 'attestations', 'checks', 'contents', 'deployments', 'discussions', 'id-token', 'issues', 'models', 'packages',
  'pages', 'pull-requests', 'repository-projects', 'security-events', 'statuses'
])
const LEVELS = new Set(['read', 'write', 'none'])

/**
 * The built-in check, until a full validator is wired in: the text parses as one YAML mapping;
 * top-level, job and step keys are ones the workflow syntax defines; every job has `runs-on` and
 * `steps` or `uses`; every step has exactly one of `uses` and `run`; permission values are valid.
 * Keys from "Workflow syntax for GitHub Actions" (docs.github.com, read 2025-11).
 */
export const minimalWorkflowValidator: WorkflowValidator = (text) => {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false })
  if (doc.errors.length > 0) return [`YAML error ${doc.errors[0]!.code}`]
  const root = doc.toJS() as Json
  if (!isMap(root)) return ['the workflow is not a mapping']
  const problems: string[] = []
  for (const key of Object.keys(root)) if (!TOP_KEYS.has(key)) problems.push(`unknown top-level key ${key}`)
  if (!('on' in root)) problems.push('no on: triggers')
  problems.push(...permissionProblems(root['permissions'], 'workflow'))
  const jobs = root['jobs']
  if (!isMap(jobs) || Object.keys(jobs).length === 0) return [...problems, 'no jobs']
  for (const [id, job] of Object.entries(jobs)) {
    if (!isMap(job)) {
      problems.push(`job ${id} is not a mapping`)
      continue
    }
    for (const key of Object.keys(job)) if (!JOB_KEYS.has(key)) problems.push(`unknown key ${key} in job ${id}`)
    problems.push(...permissionProblems(job['permissions'], `job ${id}`))
    if ('uses' in job) continue
    if (!('runs-on' in job)) problems.push(`job ${id} has no runs-on`)
    else if (!runsOnValid(job['runs-on']!)) problems.push(`job ${id} has an invalid runs-on`)
    const steps = job['steps']
    if (!Array.isArray(steps) || steps.length === 0) {
      problems.push(`job ${id} has no steps`)
      continue
    }
    steps.forEach((step, index) => problems.push(...stepProblems(step, `step ${index + 1} of job ${id}`)))
  }
  return problems
}

function stepProblems(step: Json, where: string): string[] {
  if (!isMap(step)) return [`${where} is not a mapping`]
  const problems = Object.keys(step).filter((key) => !STEP_KEYS.has(key)).map((key) => `unknown key ${key} in ${where}`)
  if (('uses' in step) === ('run' in step)) problems.push(`${where} needs exactly one of uses and run`)
  return problems
}

function runsOnValid(value: Json): boolean {
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.length > 0 && value.every((label) => typeof label === 'string')
  if (isMap(value)) return Object.keys(value).every((key) => key === 'group' || key === 'labels')
  return false
}

function permissionProblems(value: Json | undefined, where: string): string[] {
  if (value === undefined) return []
  if (value === 'read-all' || value === 'write-all') return []
  if (!isMap(value)) return [`invalid permissions in ${where}`]
  const map: JsonMap = value
  return Object.entries(map).flatMap(([scope, level]) =>
    SCOPES.has(scope) && typeof level === 'string' && LEVELS.has(level) ? [] : [`invalid permission ${scope} in ${where}`]
  )
}

/**
 * The shape of `@actions/workflow-parser` that the gate uses (GitHub's own parser behind the
 * Actions language service). Once the package is installed, wiring it is one line:
 * `workflowParserValidator(await import('@actions/workflow-parser'))`, or a static import.
 */
export interface WorkflowParserModule {
  parseWorkflow(file: { name: string; content: string }, trace: unknown): { context: { errors: { getErrors(): { message: string }[] } } }
  NoOperationTraceWriter: new () => unknown
}

export function workflowParserValidator(parser: WorkflowParserModule): WorkflowValidator {
  return (text) => {
    const result = parser.parseWorkflow({ name: 'workflow.yml', content: text }, new parser.NoOperationTraceWriter())
    // Messages start with "workflow.yml (Line: n, Col: m): "; positions move with any edit, so
    // they are dropped to compare the problems before and after.
    return result.context.errors.getErrors().map((error) => error.message.replace(/^workflow\.yml(?: \(Line: \d+, Col: \d+\))?:\s*/, ''))
  }
}

/**
 * The validator the gate uses when none is injected: GitHub's own workflow parser (the one behind
 * the Actions language service), so an edit that makes the file invalid for GitHub is caught.
 */
export const defaultWorkflowValidator: WorkflowValidator = workflowParserValidator(workflowParser)
