/**
 * One raw log line → the text a person would read: runner timestamps, colour codes and other
 * escape sequences, runner markers and workflow commands, progress-bar overwrites, invisible
 * (bidi, zero-width, tag) and control characters removed. Every pattern here is linear: lines
 * are capped before they get here, and no pattern nests quantifiers.
 */

export type Marker = 'error' | 'warning' | 'notice' | 'debug' | 'group' | 'endgroup' | 'command' | 'section'

export interface NormalLine {
  text: string
  /** The runner marker or workflow command the line started with. */
  marker: Marker | null
  /** Step name from a `gh run view --log` line (`job<TAB>step<TAB>timestamp text`). */
  step: string | null
}

const GH_CLI_PREFIX = /^([^\t]{1,200})\t([^\t]{1,300})\t(?=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)/
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z ?/
// CSI (colours, cursor), OSC (links, titles, clipboard) up to BEL/ST, DCS/SOS/PM/APC strings,
// character-set designations (ESC ( B) and two-byte escapes. A lone ESC is left to the
// control-character pass.
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[ -/]{1,3}[0-~]|[@-Z\\-_])/g
const RUNNER_MARKER = /^##\[(error|warning|notice|debug|group|endgroup|command|section)\]/i
const WORKFLOW_COMMAND = /^::([a-z][a-z-]{0,30})(?: ([^:]{0,2000}))?::/
const WORKFLOW_COMMANDS = new Set([
  'error', 'warning', 'notice', 'debug', 'group', 'endgroup', 'add-mask', 'stop-commands', 'set-output',
  'set-env', 'add-path', 'save-state', 'echo', 'add-matcher', 'remove-matcher'
])
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|[\u{e0000}-\u{e007f}]/gu
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]+/g

export function normalizeLine(raw: string): NormalLine {
  let text = raw
  if (text.includes('\r')) text = lastVisibleSegment(text)
  let step: string | null = null
  // The prefix holds tabs; most lines have none, and the pattern is costly to fail.
  const cli = text.includes('\t') ? GH_CLI_PREFIX.exec(text) : null
  if (cli) {
    step = cli[2]!
    text = text.slice(cli[0].length)
  }
  text = text.replace(TIMESTAMP, '')
  if (text.includes('\x1b')) text = text.replace(ESCAPES, '')
  let marker: Marker | null = null
  const runner = RUNNER_MARKER.exec(text)
  if (runner) {
    marker = runner[1]!.toLowerCase() as Marker
    text = text.slice(runner[0].length)
  } else {
    // The runner trims leading whitespace before it looks for a workflow command.
    const trimmed = text.trimStart()
    if (trimmed.startsWith('::')) {
      const command = WORKFLOW_COMMAND.exec(trimmed)
      if (command && WORKFLOW_COMMANDS.has(command[1]!)) {
        ;({ text, marker } = workflowCommand(command[1]!, command[2] ?? '', trimmed.slice(command[0].length)))
      }
    }
  }
  text = text.replace(INVISIBLE, '').replace(CONTROLS, '\ufffd').trimEnd()
  return { text, marker, step }
}

/** A progress bar rewrites its line with CR: what was shown last is what counts. */
function lastVisibleSegment(line: string): string {
  const segments = line.split('\r')
  for (let i = segments.length - 1; i >= 0; i--) if (segments[i]!.trim() !== '') return segments[i]!
  return ''
}

function workflowCommand(name: string, properties: string, message: string): { text: string; marker: Marker | null } {
  switch (name) {
    case 'error':
    case 'warning':
    case 'notice': {
      const location = annotationLocation(properties)
      return { text: location ? `${location}: ${message}` : message, marker: name }
    }
    case 'debug':
      return { text: message, marker: 'debug' }
    case 'group':
      return { text: message, marker: 'group' }
    case 'endgroup':
      return { text: '', marker: 'endgroup' }
    case 'add-mask':
      // The value is a secret the workflow asked the runner to hide.
      return { text: '[redacted:add-mask]', marker: 'command' }
    default:
      // stop-commands tokens, set-output values, state: nothing a reader needs, and nothing that
      // may be echoed back as a command.
      return { text: `[workflow command: ${name}]`, marker: 'command' }
  }
}

function annotationLocation(properties: string): string | null {
  const fields = new Map<string, string>()
  for (const pair of properties.split(',')) {
    const eq = pair.indexOf('=')
    if (eq > 0) fields.set(pair.slice(0, eq).trim(), decodeProperty(pair.slice(eq + 1).trim()))
  }
  const file = fields.get('file')
  if (!file) return null
  const line = fields.get('line')
  const col = fields.get('col')
  return [file, line, line ? col : undefined].filter(Boolean).join(':')
}

function decodeProperty(value: string): string {
  return value.replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%0D/gi, '').replace(/%0A/gi, ' ').replace(/%25/g, '%')
}
