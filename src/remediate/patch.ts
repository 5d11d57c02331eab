import { formatPatch, structuredPatch } from 'diff'

/** A git-style unified diff of one file (`diff --git a/… b/…`), as `git apply` expects. */
export function unifiedPatch(path: string, before: string, after: string): string {
  const patch = structuredPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 })
  patch.isGit = true
  return formatPatch(patch)
}

/** 1-based line numbers removed from `before` and added in `after`. */
export function changedLines(path: string, before: string, after: string): { before: number[]; after: number[] } {
  const patch = structuredPatch(path, path, before, after, undefined, undefined, { context: 0 })
  const removed: number[] = []
  const added: number[] = []
  for (const hunk of patch.hunks) {
    let oldLine = hunk.oldStart
    let newLine = hunk.newStart
    for (const line of hunk.lines) {
      if (line.startsWith('-')) removed.push(oldLine++)
      else if (line.startsWith('+')) added.push(newLine++)
      else if (line.startsWith(' ')) {
        oldLine++
        newLine++
      }
    }
  }
  return { before: removed, after: added }
}
