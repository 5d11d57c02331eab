/**
 * A strict reader and exact applier of a one-file unified diff. No fuzz, no offsets: every hunk
 * must match the base text at the line it names, or the whole diff is refused. File creation,
 * deletion, renames, copies, mode changes and binary patches are refused outright.
 */

export interface DiffLine {
  text: string
  /** Followed by "\ No newline at end of file". */
  noEol: boolean
}

export interface Hunk {
  oldStart: number
  oldCount: number
  newStart: number
  newCount: number
  /** Lines of the base this hunk replaces (context and removed), in order. */
  oldLines: DiffLine[]
  /** Lines that take their place (context and added), in order. */
  newLines: DiffLine[]
}

export interface FileDiff {
  /** The path as the diff names it, without `a/` / `b/`. */
  path: string
  hunks: Hunk[]
}

const FORBIDDEN_HEADERS = /^(?:new file mode|deleted file mode|old mode|new mode|similarity index|dissimilarity index|rename from|rename to|copy from|copy to|Binary files|GIT binary patch)/
const HUNK_HEADER = /^@@ -(\d{1,7})(?:,(\d{1,7}))? \+(\d{1,7})(?:,(\d{1,7}))? @@(?: .*)?$/
const INDEX_LINE = /^index [0-9a-f]{4,64}\.\.[0-9a-f]{4,64}(?: 100644)?$/
const MAX_DIFF_CHARS = 200_000

export function parseUnifiedDiff(diff: string): FileDiff | { error: string } {
  if (diff.length > MAX_DIFF_CHARS) return { error: 'the diff is larger than 200,000 characters' }
  const lines = diff.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  let i = 0
  let gitPaths: [string, string] | null = null
  if (lines[i]?.startsWith('diff --git ')) {
    const m = /^diff --git (\S+) (\S+)$/.exec(lines[i]!)
    if (!m) return { error: 'the diff --git line names paths with spaces or quotes' }
    gitPaths = [m[1]!, m[2]!]
    i++
    while (i < lines.length && !lines[i]!.startsWith('--- ')) {
      const line = lines[i]!
      if (FORBIDDEN_HEADERS.test(line)) return { error: `the diff creates, deletes, renames, copies or changes the mode of a file (${line.split(' ').slice(0, 2).join(' ')})` }
      if (!INDEX_LINE.test(line)) return { error: 'the diff has a header line ci-monitor does not accept' }
      i++
    }
  }
  const oldHeader = lines[i]
  const newHeader = lines[i + 1]
  if (!oldHeader?.startsWith('--- ') || !newHeader?.startsWith('+++ ')) return { error: 'the diff has no ---/+++ file header' }
  const oldPath = headerPath(oldHeader.slice(4))
  const newPath = headerPath(newHeader.slice(4))
  if (oldPath === null || newPath === null) return { error: 'a file header names /dev/null (a new or deleted file) or a quoted path' }
  const prefixed = oldPath.startsWith('a/') && newPath.startsWith('b/')
  const oldName = prefixed ? oldPath.slice(2) : oldPath
  const newName = prefixed ? newPath.slice(2) : newPath
  if (oldName !== newName) return { error: 'the diff renames the file or names two different files' }
  if (gitPaths && (gitPaths[0] !== oldPath || gitPaths[1] !== newPath)) return { error: 'the diff --git line and the file header disagree' }
  i += 2

  const hunks: Hunk[] = []
  while (i < lines.length) {
    const header = HUNK_HEADER.exec(lines[i]!)
    if (!header) {
      if (lines[i]!.startsWith('diff ') || lines[i]!.startsWith('--- ')) return { error: 'the diff changes more than one file' }
      return { error: `line ${i + 1} of the diff is neither a hunk header nor part of a hunk` }
    }
    const hunk: Hunk = {
      oldStart: Number(header[1]),
      oldCount: header[2] === undefined ? 1 : Number(header[2]),
      newStart: Number(header[3]),
      newCount: header[4] === undefined ? 1 : Number(header[4]),
      oldLines: [],
      newLines: []
    }
    i++
    let last: 'old' | 'new' | 'both' | null = null
    while (i < lines.length && (hunk.oldLines.length < hunk.oldCount || hunk.newLines.length < hunk.newCount || lines[i]!.startsWith('\\'))) {
      const line = lines[i]!
      const body = line.slice(1)
      if (line.startsWith('\\')) {
        if (last === null || !/^\\ No newline at end of file$/.test(line)) return { error: `line ${i + 1} of the diff is a stray "\\" line` }
        if (last !== 'new') hunk.oldLines[hunk.oldLines.length - 1]!.noEol = true
        if (last !== 'old') hunk.newLines[hunk.newLines.length - 1]!.noEol = true
        last = null
      } else if (line.startsWith(' ') || line === '') {
        // An empty line stands for an empty context line, as some tools strip the lone space.
        hunk.oldLines.push({ text: body, noEol: false })
        hunk.newLines.push({ text: body, noEol: false })
        last = 'both'
      } else if (line.startsWith('-')) {
        hunk.oldLines.push({ text: body, noEol: false })
        last = 'old'
      } else if (line.startsWith('+')) {
        hunk.newLines.push({ text: body, noEol: false })
        last = 'new'
      } else {
        return { error: `line ${i + 1} of the diff does not start with a space, - or +` }
      }
      i++
    }
    if (hunk.oldLines.length !== hunk.oldCount || hunk.newLines.length !== hunk.newCount) {
      return { error: `a hunk's line counts do not match its header (@@ -${hunk.oldStart},${hunk.oldCount} +${hunk.newStart},${hunk.newCount} @@)` }
    }
    hunks.push(hunk)
  }
  if (hunks.length === 0) return { error: 'the diff has no hunks' }
  return { path: oldName, hunks }
}

/** The path of a ---/+++ header (a timestamp after a tab is dropped); null for /dev/null or a quoted path. */
function headerPath(raw: string): string | null {
  const path = raw.split('\t')[0]!.trimEnd()
  if (path === '/dev/null' || path.startsWith('"') || path === '') return null
  return path
}

/**
 * Applies the hunks to `base` exactly. Lines are compared as they are, including a `\r` of CRLF
 * files, and each hunk must sit at the line it names, with the line numbers of both sides
 * consistent. Returns the new text or why it does not apply.
 */
export function applyExactly(base: string, hunks: Hunk[]): string | { error: string } {
  const endsWithNewline = base.endsWith('\n') || base === ''
  const lines = base === '' ? [] : (endsWithNewline ? base.slice(0, -1) : base).split('\n')
  const out: string[] = []
  let outEndsWithNewline = endsWithNewline
  let cursor = 0
  let delta = 0
  for (const [index, hunk] of hunks.entries()) {
    // "-l,0" inserts after line l; otherwise the hunk starts at line l.
    const start = hunk.oldCount === 0 ? hunk.oldStart : hunk.oldStart - 1
    const expectedNewStart = hunk.oldCount === 0 ? hunk.oldStart + delta + 1 : hunk.newCount === 0 ? hunk.oldStart + delta - 1 : hunk.oldStart + delta
    if (start < cursor || start + hunk.oldCount > lines.length) return { error: `hunk ${index + 1} is out of order or beyond the end of the file` }
    if (hunk.newStart !== expectedNewStart) return { error: `hunk ${index + 1} has inconsistent line numbers` }
    for (const [k, old] of hunk.oldLines.entries()) {
      const at = start + k
      const isLastLine = at === lines.length - 1
      if (lines[at] !== old.text || old.noEol !== (isLastLine && !endsWithNewline)) {
        return { error: `hunk ${index + 1} does not match the file at line ${at + 1}` }
      }
    }
    out.push(...lines.slice(cursor, start))
    for (const [k, line] of hunk.newLines.entries()) {
      if (line.noEol && k !== hunk.newLines.length - 1) return { error: `hunk ${index + 1} ends a line without newline in the middle` }
      out.push(line.text)
    }
    cursor = start + hunk.oldCount
    delta += hunk.newCount - hunk.oldCount
    // At the end of the file the hunk decides the ending; lines before the old end all had one.
    if (cursor === lines.length) outEndsWithNewline = hunk.newLines.length > 0 ? !hunk.newLines[hunk.newLines.length - 1]!.noEol : true
    else if (hunk.newLines.some((line) => line.noEol)) return { error: `hunk ${index + 1} ends the file before its end` }
  }
  out.push(...lines.slice(cursor))
  if (out.length === 0) return ''
  return out.join('\n') + (outEndsWithNewline ? '\n' : '')
}
