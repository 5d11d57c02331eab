/**
 * Making untrusted text inert wherever ci-monitor shows it. Log lines, branch names, commit
 * messages, job names and LLM output come from whoever pushed: here they become plain text in
 * Markdown, in Slack mrkdwn and in the action's own stdout, never markup, mentions or commands.
 */
import { randomBytes } from 'node:crypto'

// ESC-introduced sequences: CSI (colours, cursor), OSC (hyperlinks, clipboard, titles) ended by
// BEL or ST (or by nothing: an unterminated OSC swallows the rest), DCS/SOS/PM/APC strings, and
// the two-character forms. 8-bit CSI (U+009B) is covered by the C1 strip that follows.
const ESCAPE_SEQUENCE =
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[ -/]*[0-~])?/g
// Characters the runner, terminals or renderers treat as line breaks besides \n.
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g
// C0 and C1 controls except tab and newline, DEL, lone surrogates.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
// Bidi embeddings/overrides/isolates and marks, zero-width characters, BOM, Unicode tag
// characters: all can make displayed text differ from what a reader believes it says.
const INVISIBLES = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\udb40[\udc00-\udc7f]/g

/** Work on at most this many times the wanted length, so a 1 GB line costs no more than a short one. */
const PRE_CAP_FACTOR = 4
const PRE_CAP_SLACK = 4096

const ELLIPSIS = '…'

/**
 * Removes terminal escape sequences, control characters and invisible/bidi characters, and turns
 * every kind of line break into `\n`. Tabs and newlines stay.
 */
export function stripUnsafe(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(LINE_BREAKS, '\n')
    .replace(CONTROLS, '')
    .replace(INVISIBLES, '')
}

/** `stripUnsafe`, then every line break becomes a space: for text that must stay on one line. */
export function toSingleLine(text: string): string {
  return stripUnsafe(text).replace(/\n+/g, ' ')
}

/**
 * Shortens text to at most `maxChars` UTF-16 units, ending with an ellipsis when cut, and never
 * splitting a surrogate pair.
 */
export function capText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  if (maxChars <= 0) return ''
  let end = maxChars - ELLIPSIS.length
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1
  return text.slice(0, Math.max(0, end)) + ELLIPSIS
}

/** Cleans and caps in that order, bounding the cleaning work first. */
function clean(text: string, maxChars: number, singleLine: boolean): string {
  const bounded = text.length > maxChars * PRE_CAP_FACTOR + PRE_CAP_SLACK ? text.slice(0, maxChars * PRE_CAP_FACTOR + PRE_CAP_SLACK) : text
  return capText(singleLine ? toSingleLine(bounded) : stripUnsafe(bounded), maxChars)
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

// ---------------------------------------------------------------------------------------------
// GitHub Markdown (job summary, PR bodies, issue comments)

// ASCII punctuation with a meaning in GitHub Markdown; CommonMark lets any of it be backslash-escaped.
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~$]/g
// `@user`, `@org/team`: a ZWSP entity after the `@` keeps the text and loses the ping.
const MARKDOWN_MENTION = /@(?=[A-Za-z0-9])/g

/**
 * Untrusted text as one line of Markdown inline content: no HTML (comments, tags, entities),
 * no emphasis/links/images/tables, no `@` mentions, at most `maxChars` visible characters.
 * Safe inside table cells, headings and list items.
 */
export function escapeMarkdownInline(text: string, maxChars = 300): string {
  return clean(text, maxChars, true)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_PUNCTUATION, '\\$&')
    .replace(MARKDOWN_MENTION, '@&#8203;')
}

const CODE_SPAN_CHARS = 300

/**
 * One line of text as a Markdown code span whose delimiter is longer than any backtick run inside:
 * shown literally, no markup, no mentions. For names (paths, jobs, actions) inside sentences.
 */
export function codeSpan(text: string): string {
  const body = clean(text, CODE_SPAN_CHARS, true)
  const fence = '`'.repeat(longestBacktickRun([body]) + 1)
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${body}${pad}${fence}`
}

export interface FenceOptions {
  /** Info string after the opening fence (`text`, `diff`); ours, never untrusted. */
  info?: string
  /** Longest line kept, in characters (default 500). */
  maxLineChars?: number
}

/**
 * Lines as a fenced code block whose fence is longer than any backtick run inside, so nothing in
 * the lines can close it. Inside a fence GitHub renders no HTML and sends no mention
 * notifications; the lines are still cleaned of control and invisible characters.
 */
export function markdownFence(lines: readonly string[], options: FenceOptions = {}): string {
  const maxLineChars = options.maxLineChars ?? 500
  const body = lines.map((line) => clean(line, maxLineChars, true))
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1))
  return `${fence}${options.info ?? ''}\n${body.join('\n')}\n${fence}`
}

function longestBacktickRun(lines: readonly string[]): number {
  let longest = 0
  for (const line of lines) {
    for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  }
  return longest
}

// ---------------------------------------------------------------------------------------------
// Slack mrkdwn

// Slack's broadcast words; with `<` escaped the `<!here>` forms are already inert, but a bare
// `@here` may still be parsed where text is not verbatim (top-level `text`, link_names).
const SLACK_BROADCAST = /@(here|channel|everyone)\b/gi
const SLACK_ENTITY_MAX = '&amp;'.length

/**
 * Untrusted text for a Slack mrkdwn field: `&`, `<`, `>` escaped (so `<!channel>`, `<@U1>`,
 * `<https://x|y>` stay literal), broadcast mentions broken, triple backticks broken (so the text
 * cannot open or close a code block), at most `maxChars` characters after escaping.
 */
export function escapeSlack(text: string, maxChars: number, singleLine = false): string {
  const cleaned = clean(text, maxChars, singleLine)
  const escaped = breakTripleBackticks(cleaned)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(SLACK_BROADCAST, '@\u2060$1')
  return capEscaped(escaped, maxChars)
}

/** Caps already-escaped Slack text without cutting an `&amp;`-style entity in half. */
function capEscaped(escaped: string, maxChars: number): string {
  if (escaped.length <= maxChars) return escaped
  let end = maxChars - ELLIPSIS.length
  const amp = escaped.lastIndexOf('&', end - 1)
  if (amp >= 0 && amp > end - SLACK_ENTITY_MAX) {
    const semi = escaped.indexOf(';', amp)
    if (semi === -1 || semi >= end) end = amp
  }
  if (end > 0 && isHighSurrogate(escaped.charCodeAt(end - 1))) end -= 1
  return escaped.slice(0, Math.max(0, end)) + ELLIPSIS
}

/** Slack has no escape for backticks: a word joiner between them stops a run of three. */
function breakTripleBackticks(text: string): string {
  return text.replace(/``(?=`)/g, '``\u2060')
}

/**
 * Lines as a Slack code block within `maxChars` (including the fences): each line cleaned,
 * escaped and capped; lines that do not fit are dropped from the end and counted.
 */
export function slackCodeBlock(lines: readonly string[], maxChars: number, maxLineChars = 300): string {
  const open = '```\n'
  const close = '\n```'
  const budget = maxChars - open.length - close.length
  const kept: string[] = []
  let used = 0
  for (let i = 0; i < lines.length; i++) {
    const line = escapeSlack(lines[i] ?? '', maxLineChars, true)
    const more = `… ${lines.length - i} more line${lines.length - i === 1 ? '' : 's'}`
    const cost = line.length + (kept.length > 0 ? 1 : 0)
    // Keep room for the "… N more lines" note unless this is the last line.
    const reserve = i < lines.length - 1 ? more.length + 1 : 0
    if (used + cost + reserve > budget) {
      kept.push(more)
      break
    }
    kept.push(line)
    used += cost
  }
  return `${open}${kept.join('\n')}${close}`
}

/**
 * A URL fit for a link or button: http(s) only, no credentials, and percent-encoded where a
 * character would end a Slack `<url|label>` link (`|`) or a Markdown `[label](url)` link (`(`,
 * `)`). Returns null for anything else, so a hostile value drops the link instead of becoming one.
 */
export function safeLinkUrl(url: string | null | undefined): string | null {
  if (!url || url.length > 3000) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null
  if (parsed.username || parsed.password) return null
  const href = parsed.href.replace(/[|()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
  return /[\s<>"]/.test(href) ? null : href
}

// ---------------------------------------------------------------------------------------------
// Workflow commands (the action's own stdout)

/** A fresh random token for `::stop-commands::`, unguessable and unique per run. */
export function newStopCommandsToken(): string {
  return `ci-monitor-${randomBytes(16).toString('hex')}`
}

/**
 * Lines bracketed by `::stop-commands::<token>` … `::<token>::`, so the runner executes none of
 * the workflow commands (`::add-mask::`, `::error::`, `::stop-commands::`) they may hold. Each
 * line is cleaned and kept on one physical line (the runner also splits on `\r`), and the token
 * itself is removed from the lines so they cannot resume command processing early.
 */
export function stopCommands(lines: readonly string[], token: string): string {
  if (!/^[A-Za-z0-9_-]{16,}$/.test(token)) {
    throw new Error('stop-commands token must be at least 16 letters, digits, "-" or "_"')
  }
  const body = lines.map((line) => removeAll(toSingleLine(line), token))
  return [`::stop-commands::${token}`, ...body, `::${token}::`].join('\n')
}

/** Removes `needle` until none is left (a single pass could join two halves into a new one). */
function removeAll(text: string, needle: string): string {
  let out = text
  while (out.includes(needle)) out = out.split(needle).join('')
  return out
}

/**
 * Untrusted text for the data part of an annotation (`core.error(message)`): cleaned, capped.
 * `@actions/core` percent-encodes `\r`, `\n` and `%`, so newlines may stay; the other line
 * breaks the runner honours are already gone.
 */
export function annotationText(text: string, maxChars: number): string {
  return clean(text, maxChars, false)
}
