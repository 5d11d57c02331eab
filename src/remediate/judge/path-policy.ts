import picomatch from 'picomatch'
import { workflowPathProblem } from '../workflow-path.js'

/**
 * Whether a path a proposed diff names may be edited: a normalised relative path (no `..`, `.`,
 * empty or absolute segments, no backslashes or control characters), an existing file, inside the
 * allowed globs, and a workflow file directly under .github/workflows/ (the gate and the syntax
 * check are for workflows). Returns the problem, or null.
 */
export function proposedPathProblem(path: string, files: Record<string, string>, allowedPaths: readonly string[]): string | null {
  if (path.length === 0 || path.length > 300) return 'the path is empty or too long'
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return 'the path holds control characters or backslashes'
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'the path is absolute'
  const segments = path.split('/')
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return 'the path is not normalised (empty, . or .. segments)'
  if (!Object.prototype.hasOwnProperty.call(files, path)) return 'the path is not an existing file (new files are not accepted)'
  if (!picomatch.isMatch(path, [...allowedPaths], { dot: true })) return 'the path is outside the allowed paths'
  if (workflowPathProblem(path)) return 'the path is not a workflow file directly under .github/workflows/'
  return null
}
