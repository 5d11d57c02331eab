/**
 * Report text is untrusted: terminal escapes, controls and invisible characters are stripped,
 * credentials masked the way triage masks log lines, and the result capped. Escaping for a
 * destination (Markdown, Slack) still happens downstream.
 */
import { capText, stripUnsafe, toSingleLine } from '../notify/escape.js'
import { redact, type RedactionCounts } from '../triage/redact.js'

/**
 * Only this much of the raw text is ever looked at. The kept text is at most `maxChars`, well
 * before this bound, so a secret cut by the bound is never shown half-masked.
 */
const lookedAt = (maxChars: number): number => maxChars * 2 + 1024

/** One line: line breaks become spaces. */
export function cleanLine(raw: string, maxChars: number, counts: RedactionCounts): string {
  const line = toSingleLine(raw.slice(0, lookedAt(maxChars))).replace(/\s+/g, ' ').trim()
  return capText(redact(line, counts), maxChars)
}

/** A block (stack trace, diff): lines kept, each masked on its own as triage does. */
export function cleanBlock(raw: string, maxChars: number, counts: RedactionCounts): string {
  const lines = stripUnsafe(raw.slice(0, lookedAt(maxChars))).split('\n')
  const masked = lines.map((line) => redact(line.trimEnd(), counts)).join('\n')
  return capText(masked.replace(/^\n+/, '').trimEnd(), maxChars)
}

/** The first line with something on it. */
export function firstLine(text: string): string {
  for (const line of text.split('\n', 50)) {
    if (line.trim()) return line.trim()
  }
  return ''
}
