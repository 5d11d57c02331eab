import { capText, toSingleLine } from '../../notify/escape.js'

/**
 * Text from a server, a model or a log as one clean line: control, escape and invisible
 * characters removed, whitespace collapsed, capped. The cleaning work is bounded first.
 */
export function plainLine(text: string, maxChars: number): string {
  return capText(toSingleLine(text.slice(0, maxChars * 4)).replace(/\s+/g, ' ').trim(), maxChars)
}
