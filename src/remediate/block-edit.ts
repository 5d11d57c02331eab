import { isScalar } from 'yaml'
import type { Scalar, YAMLMap, YAMLSeq } from 'yaml'
import type { TextEdit } from './source-edit.js'

/**
 * Line insertions into block-style YAML at the positions the parser reports. The new lines take
 * the indentation of their neighbours and the file's own line ending, and nothing else moves, so
 * the diff shows only the inserted lines.
 */

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n'
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

/** Start of the line after the one holding `offset` (the text's end when it is the last line). */
function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset)
  return newline === -1 ? text.length : newline + 1
}

/**
 * Column of a block mapping's keys, or null for a flow mapping or keys that are not plain scalars
 * each starting its own line (after `- ` for a sequence item).
 */
export function blockKeyColumn(text: string, map: YAMLMap): number | null {
  if (map.flow || map.items.length === 0) return null
  let column: number | null = null
  for (const [index, pair] of map.items.entries()) {
    const key = pair.key
    if (!isScalar(key) || key.type !== 'PLAIN' || !key.range) return null
    const start = key.range[0]
    const lead = text.slice(lineStartOf(text, start), start)
    const ok = index === 0 ? /^ *(?:- +)*$/.test(lead) : /^ *$/.test(lead)
    if (!ok) return null
    if (column === null) column = lead.length
    else if (lead.length !== column) return null
  }
  return column
}

/**
 * Appends lines after the last entry of a block mapping. `lines` are relative to the mapping's
 * key column: `['env:', '  A: 1']`.
 */
export function appendToBlockMap(text: string, map: YAMLMap, lines: string[]): TextEdit | null {
  const column = blockKeyColumn(text, map)
  const end = map.range?.[2]
  if (column === null || end === undefined) return null
  const eol = eolOf(text)
  const body = lines.map((line) => `${' '.repeat(column)}${line}`).join(eol) + eol
  if (end === text.length && end > 0 && text[end - 1] !== '\n') return { start: end, end, text: eol + body }
  if (end > 0 && text[end - 1] !== '\n') return null
  return { start: end, end, text: body }
}

/**
 * Inserts lines as the new first items of a block sequence, right under its key's line (so above
 * any comment that introduces the old first item). `lines` are relative to the items' dash column.
 */
export function insertFirstInBlockSeq(text: string, key: Scalar, seq: YAMLSeq, lines: string[]): TextEdit | null {
  if (seq.flow || seq.items.length === 0 || !seq.range || !key.range) return null
  const dash = seq.range[0]
  if (text[dash] !== '-') return null
  const column = dash - lineStartOf(text, dash)
  if (!/^ *$/.test(text.slice(dash - column, dash))) return null
  const at = nextLineStart(text, key.range[1])
  if (at > dash - column) return null
  const eol = eolOf(text)
  return { start: at, end: at, text: lines.map((line) => `${' '.repeat(column)}${line}`).join(eol) + eol }
}

/** Inserts lines just above the line that holds a block mapping key, at that key's indentation. */
export function insertAboveKey(text: string, key: Scalar, lines: string[]): TextEdit | null {
  const start = key.range?.[0]
  if (start === undefined) return null
  const lineStart = lineStartOf(text, start)
  const indent = text.slice(lineStart, start)
  if (!/^ *$/.test(indent)) return null
  const eol = eolOf(text)
  return { start: lineStart, end: lineStart, text: lines.map((line) => `${indent}${line}${eol}`).join('') }
}
