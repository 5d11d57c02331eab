/**
 * Small Markdown escaping for text this module puts in fix descriptions and PR bodies. Untrusted
 * text (log lines, diagnosis summaries, names from the workflow) never reaches Markdown raw: it is
 * escaped inline, or shown as a code span or fenced block, where Markdown, HTML and @mentions do
 * not render.
 */

// C0/C1 controls (except tab and newline), bidi overrides/isolates, zero-width and tag characters:
// they can hide or reorder text in a rendered PR body.
const UNSAFE_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]|[\u{E0000}-\u{E007F}]/gu

export function stripUnsafeChars(text: string): string {
  return text.replace(UNSAFE_CHARS, '')
}

/** One line of untrusted text as inert inline Markdown. */
export function escapeInline(text: string): string {
  return stripUnsafeChars(text)
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (ch) => `\\${ch}`)
    // Entities last, so their own `&` and `#` are not escaped again.
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;')
}

/** A code span whose delimiter is longer than any backtick run inside, on one line. */
export function codeSpan(text: string): string {
  const clean = stripUnsafeChars(text).replace(/\r?\n|\r/g, ' ')
  const fence = '`'.repeat(longestBacktickRun(clean) + 1)
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${clean}${pad}${fence}`
}

/** A fenced block whose fence is longer than any backtick run in the content. */
export function fencedBlock(text: string, info = 'text'): string {
  const clean = stripUnsafeChars(text).replace(/\r\n?/g, '\n')
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(clean) + 1))
  return `${fence}${info}\n${clean}\n${fence}`
}

function longestBacktickRun(text: string): number {
  let longest = 0
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  return longest
}
