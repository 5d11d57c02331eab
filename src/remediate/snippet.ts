import { findJob, findSteps } from './job-match.js'
import { parseWorkflow } from './workflow-doc.js'

const MAX_SNIPPET_CHARS = 4000

/**
 * The part of the workflow file that ran the failed job — the failing step when it can be found,
 * else the whole job — as context for the LLM. Null when the job cannot be told apart. With
 * `numbered`, each line starts with its line number in the file (`14| `), so a model can write a
 * diff whose hunks name the right lines.
 */
export function failingSnippet(workflowText: string, jobName: string, stepName: string | null, options: { numbered?: boolean } = {}): string | null {
  const workflow = parseWorkflow(workflowText)
  if ('error' in workflow) return null
  const job = findJob(workflow, jobName)
  if ('refused' in job) return null
  const steps = stepName ? findSteps(workflow, job, stepName) : []
  const node = steps.length === 1 ? steps[0]!.map : job.map
  const range = node.range
  if (!range) return null
  const start = workflowText.lastIndexOf('\n', range[0]) + 1
  let snippet = workflowText.slice(start, range[1]).replace(/\s+$/, '')
  if (options.numbered) {
    const first = workflowText.slice(0, start).split('\n').length
    snippet = snippet
      .split('\n')
      .map((line, i) => `${first + i}| ${line}`)
      .join('\n')
  }
  return snippet.length > MAX_SNIPPET_CHARS ? `${snippet.slice(0, MAX_SNIPPET_CHARS)}\n…` : snippet
}
