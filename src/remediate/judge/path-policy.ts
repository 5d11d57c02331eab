import picomatch from 'picomatch'
import { codeSpan } from '../../notify/escape.js'
import { workflowPathProblem } from '../workflow-path.js'

/**
 * Whether a path a proposed diff names may be edited: a normalised relative path (no `..`, `.`,
 * empty or absolute segments, no backslashes or control characters), inside the allowed globs, a
 * workflow file directly under .github/workflows/ (the gate and the syntax check are for
 * workflows), the one file the proposal is about when `target` names it, and an existing file.
 * Returns the problem, or null.
 */
export function proposedPathProblem(path: string, files: Record<string, string>, allowedPaths: readonly string[], target: string | null = null): string | null {
  if (path.length === 0 || path.length > 300) return 'the path is empty or too long'
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return 'the path holds control characters or backslashes'
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'the path is absolute'
  const segments = path.split('/')
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return 'the path is not normalised (empty, . or .. segments)'
  if (!picomatch.isMatch(path, [...allowedPaths], { dot: true })) return 'the path is outside the allowed paths'
  if (workflowPathProblem(path)) return 'the path is not a workflow file directly under .github/workflows/'
  if (target !== null && path !== target) return `only the workflow of the failed run, ${codeSpan(target.slice(0, 200))}, may be changed`
  if (!Object.prototype.hasOwnProperty.call(files, path)) return 'the path is not an existing file (new files are not accepted)'
  return null
}
