import type { Scalar } from 'yaml'

/**
 * Edits are made on the source text at the ranges the yaml parser reports, not by printing the
 * Document again: `String(doc)` re-spaces comments, re-folds long plain scalars, pads flow
 * collections and drops blank lines, so a one-value fix would otherwise touch unrelated lines.
 */
export interface TextEdit {
  start: number
  end: number
  text: string
}

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start)
  let out = text
  let limit = Number.POSITIVE_INFINITY
  for (const edit of sorted) {
    if (edit.end > limit) throw new Error('Overlapping text edits')
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end)
    limit = edit.start
  }
  return out
}

/**
 * Replaces a flow scalar's value in place, keeping its quoting style. Returns null when the source
 * is not the literal value (escapes, folded or block scalars): such a scalar is left to a human.
 */
export function replaceScalarValue(text: string, node: Scalar, newValue: string): TextEdit | null {
  const range = node.range
  if (!range) return null
  const [start, end] = range
  const source = text.slice(start, end)
  const value = String(node.value)
  const quote = quoteFor(node.type)
  if (quote === null) return null
  if (source !== `${quote}${value}${quote}`) return null
  if (/['"\\\r\n#:]/.test(newValue) || newValue.trim() !== newValue) return null
  return { start, end, text: `${quote}${newValue}${quote}` }
}

function quoteFor(type: Scalar['type']): string | null {
  switch (type) {
    case 'PLAIN':
      return ''
    case 'QUOTE_SINGLE':
      return "'"
    case 'QUOTE_DOUBLE':
      return '"'
    default:
      return null
  }
}
