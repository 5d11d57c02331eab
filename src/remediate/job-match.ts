import { codeSpan } from '../notify/escape.js'
import type { FixRefusal } from './types.js'
import { stepDisplayName } from './workflow-doc.js'
import type { Workflow, WorkflowJob, WorkflowStep } from './workflow-doc.js'

/** Longest API name considered; real job names are far shorter and the matcher builds a regex. */
const MAX_NAME = 512

type Tier = 'exact' | 'template'

/**
 * Finds the job the jobs API calls `apiName`. GitHub shows a job by its `name:` (expressions
 * rendered) or, without one, by its key; matrix jobs whose name does not use the matrix get
 * " (value, value)" appended; a job calling a reusable workflow shows as "caller / called".
 * A literal match wins over one through `${{ }}` placeholders; a tie is refused, not guessed.
 */
export function findJob(workflow: Workflow, apiName: string): WorkflowJob | FixRefusal {
  const matches = bestMatches(workflow.jobs, apiName, (job) => job.name ?? job.key, true)
  if (matches.length === 1) return matches[0]!
  const shown = codeSpan(apiName.slice(0, 120))
  if (matches.length === 0) {
    return { code: 'not-found', refused: `No job in the workflow matches the job name ${shown}.` }
  }
  return { code: 'ambiguous', refused: `Several jobs in the workflow could be the job named ${shown}, so none is changed.` }
}

/** Steps of `job` whose displayed name is `stepName` (literal matches preferred). */
export function findSteps(workflow: Workflow, job: WorkflowJob, stepName: string): WorkflowStep[] {
  return bestMatches(job.steps, stepName, (step) => stepDisplayName(workflow.doc, step), false)
}

function bestMatches<T>(items: T[], apiName: string, display: (item: T) => string | null, jobSuffixes: boolean): T[] {
  const name = apiName.trim()
  if (name === '' || name.length > MAX_NAME) return []
  const byTier: Record<Tier, T[]> = { exact: [], template: [] }
  for (const item of items) {
    const template = display(item)
    const tier = template === null ? null : matchTier(template, name, jobSuffixes)
    if (tier) byTier[tier].push(item)
  }
  return byTier.exact.length > 0 ? byTier.exact : byTier.template
}

function matchTier(template: string, name: string, jobSuffixes: boolean): Tier | null {
  const parts = template.split(/\$\{\{.*?\}\}/s)
  const candidates = jobSuffixes ? withoutSuffixes(name) : [name]
  if (parts.length === 1) return candidates.includes(template) ? 'exact' : null
  return candidates.some((candidate) => matchesParts(parts, candidate)) ? 'template' : null
}

/** The name itself, and the name without a trailing " (matrix, values)" or " / called job". */
function withoutSuffixes(name: string): string[] {
  const out = [name]
  if (name.endsWith(')')) {
    for (let i = name.indexOf(' ('); i !== -1; i = name.indexOf(' (', i + 1)) out.push(name.slice(0, i))
  }
  for (let i = name.indexOf(' / '); i !== -1; i = name.indexOf(' / ', i + 1)) out.push(name.slice(0, i))
  return out
}

/**
 * Does `text` read as the literal parts with anything in the gaps? Leftmost matching of each
 * middle part is exact for such patterns and stays linear, unlike a regex of lazy wildcards,
 * which a crafted job name could make backtrack for a very long time.
 */
function matchesParts(parts: string[], text: string): boolean {
  const first = parts[0]!
  const last = parts[parts.length - 1]!
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false
  const end = text.length - last.length
  let position = first.length
  for (const part of parts.slice(1, -1)) {
    const at = text.indexOf(part, position)
    if (at === -1 || at + part.length > end) return false
    position = at + part.length
  }
  return true
}
