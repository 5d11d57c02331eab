/**
 * GitHub only loads workflows directly under `.github/workflows/`. The path also lands in patch
 * headers and git trees, so only a plain file name is accepted there: no sub-folders, no `..`,
 * no spaces or quoting that a diff header would need.
 */
const WORKFLOW_PATH = /^\.github\/workflows\/[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$/

export function workflowPathProblem(path: string): string | null {
  if (!WORKFLOW_PATH.test(path) || path.includes('..')) {
    return 'The workflow path is not a file directly under .github/workflows/ ending in .yml or .yaml with a plain name, so ci-monitor will not edit it.'
  }
  return null
}
