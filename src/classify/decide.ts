/**
 * From rule matches to one verdict. Precedence, in order:
 *  1. a dominant signature (disk full, runner lost, job timeout, retired action): it explains
 *     every error after it;
 *  2. the earliest line naming a cause (strength 3) in the failing step, then anywhere: the first
 *     real error beats the errors it causes downstream and the echoes of itself;
 *  3. a tool's failure summary (strength 2), then a bare failure marker (strength 1), with
 *     honest, low confidence.
 */
import { CATEGORIES, defaultOwner } from './categories.js'
import type { RuleHit } from './match.js'
import type { Diagnosis, FixIntent, RetryTool } from './types.js'
import type { LineRange, LogLine } from '../triage/types.js'

export interface LineHit {
  line: LogLine
  hit: RuleHit
}

const MAX_EVIDENCE = 5
const SUMMARY_LINE = 200

export interface Decision {
  diagnosis: Diagnosis
  /** Decided by a dominant signature, which facts from the API do not override. */
  dominant: boolean
}

/** What fix parameters may come from besides the winning line: the failing step and the excerpt. */
export interface FixContext {
  step: string | null
  lines: readonly LogLine[]
}

export function decide(hits: readonly LineHit[], failingRange: LineRange | null, context: FixContext = { step: null, lines: [] }): Decision | null {
  const winner = pickWinner(hits, failingRange)
  if (!winner) return null
  const { rule } = winner.hit
  const sameCategory = hits.filter((h) => h.hit.rule.category === rule.category)
  const evidence = [winner.line, ...sameCategory.filter((h) => h !== winner).map((h) => h.line)]
    .slice(0, MAX_EVIDENCE)
    .sort((a, b) => a.n - b.n)
  const diagnosis: Diagnosis = {
    owner: rule.owner ?? defaultOwner(rule.category),
    category: rule.category,
    confidence: confidenceOf(winner, hits, failingRange),
    transient: rule.transient ?? CATEGORIES[rule.category].transient,
    summary: fillSummary(rule.summary, winner),
    ruleId: rule.id,
    engine: 'rules',
    evidence,
    fix: fixOf(winner, context)
  }
  return { diagnosis, dominant: rule.dominant === true }
}

function pickWinner(hits: readonly LineHit[], failingRange: LineRange | null): LineHit | null {
  const inStep = (h: LineHit): boolean => !failingRange || (h.line.n >= failingRange.start && h.line.n <= failingRange.end)
  const earliest = (list: readonly LineHit[]): LineHit | null => list.reduce<LineHit | null>((a, h) => (!a || h.line.n < a.line.n ? h : a), null)
  const dominant = hits.filter((h) => h.hit.rule.dominant)
  if (dominant.length > 0) return earliest(dominant.filter(inStep)) ?? earliest(dominant)
  for (const strength of [3, 2, 1] as const) {
    const level = hits.filter((h) => h.hit.rule.strength === strength)
    const found = earliest(level.filter(inStep)) ?? earliest(level)
    if (found) return refined(found, hits)
  }
  return null
}

/** Lines right under an error detail it ("cannot access X" / "bad class file … wrong version"). */
const DETAIL_SPAN = 6

/** A more specific rule on the detail lines of the winning error names the cause better. */
function refined(winner: LineHit, hits: readonly LineHit[]): LineHit {
  let best = winner
  for (const h of hits) {
    if (h.line.n <= winner.line.n || h.line.n > winner.line.n + DETAIL_SPAN) continue
    if (h.hit.rule.strength >= winner.hit.rule.strength && (h.hit.rule.priority ?? 0) > (best.hit.rule.priority ?? 0)) best = h
  }
  return best
}

/**
 * The rule's own confidence, lowered when the verdict is contested (another cause of a different
 * owner is named too) or found outside the failing step, raised a little when corroborated.
 */
function confidenceOf(winner: LineHit, hits: readonly LineHit[], failingRange: LineRange | null): number {
  const { rule } = winner.hit
  let confidence = rule.confidence
  const owner = rule.owner ?? defaultOwner(rule.category)
  const rivals = hits.filter((h) => h.hit.rule.strength >= rule.strength && h.hit.rule.category !== rule.category)
  if (!rule.dominant && rivals.some((h) => (h.hit.rule.owner ?? defaultOwner(h.hit.rule.category)) !== owner)) confidence -= 0.15
  else if (rivals.length > 0) confidence -= 0.05
  if (failingRange && (winner.line.n < failingRange.start || winner.line.n > failingRange.end)) confidence -= 0.1
  if (hits.filter((h) => h.hit.rule.category === rule.category).length >= 2) confidence += 0.03
  return Math.round(Math.min(0.98, Math.max(0.05, confidence)) * 100) / 100
}

function fillSummary(template: string, winner: LineHit): string {
  const line = winner.line.text.trim()
  const shown = line.length > SUMMARY_LINE ? `${line.slice(0, SUMMARY_LINE - 1)}…` : line
  return template
    .replace(/\{(\w+)\}/g, (_, name: string) => (name === 'line' ? shown : (winner.hit.groups[name] ?? '')))
    .replace(/\s{2,}/g, ' ')
    .trim()
}

/** `owner/repo` of an action as a fix may name it (GitHub's owner and repository name rules). */
export const ACTION_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/
/** A tag, branch or SHA as a fix may name it. Both shapes are also checked for `..` by their users. */
export const ACTION_REF = /^[A-Za-z0-9](?:[A-Za-z0-9._/-]{0,98}[A-Za-z0-9])?$/

/** Fix parameters come from untrusted text: only values of a strict shape are passed on. */
function fixOf(winner: LineHit, context: FixContext): FixIntent | null {
  const { rule, groups } = winner.hit
  const line = winner.line.text
  const step = context.step
  const spec = rule.fix
  if (!spec) return null
  if (typeof spec === 'object') {
    const tool = spec.tool === 'from-line' ? retryToolOf(line) : spec.tool
    // A 404 from an apt mirror is a stale package index, not a blip a retry outlasts.
    if (!tool || (tool === 'apt' && /\s404\s/.test(line))) return null
    return { kind: 'add-retry', tool, step, description: `Retry the ${tool} download that failed on a network or registry error.` }
  }
  switch (spec) {
    case 'upgrade-action': {
      const action = groups['action']
      if (!action || !ACTION_NAME.test(action) || action.includes('..')) return null
      const ref = groups['ref'] && ACTION_REF.test(groups['ref']) && !groups['ref'].includes('..') ? groups['ref'] : null
      return {
        kind: 'upgrade-action',
        action,
        fromRef: ref,
        description: `Upgrade ${action}${ref ? ` from ${ref}` : ''} to a currently supported version.`
      }
    }
    case 'raise-timeout': {
      const minutes = groups['minutes'] ? Number.parseInt(groups['minutes'], 10) : NaN
      const observed = Number.isInteger(minutes) && minutes > 0 && minutes <= 100_000 ? minutes : null
      return {
        kind: 'raise-timeout',
        observedMinutes: observed,
        description: observed
          ? `The job stopped at its ${observed}-minute limit: raise timeout-minutes or make it faster.`
          : 'A step stopped at its timeout-minutes limit: raise it or make the step faster.'
      }
    }
    case 'node-heap':
      // The out-of-memory rule covers every runtime; only Node's heap has a setting to raise.
      if (!/JavaScript heap out of memory|Reached heap limit/.test(line)) return null
      return { kind: 'node-heap', step, description: 'Give Node.js a larger heap (NODE_OPTIONS=--max-old-space-size) for the step that ran out of it.' }
    case 'free-disk':
      return { kind: 'free-disk', step, description: 'Free disk space on the runner before the step that ran out of it.' }
    case 'move-toolchain-version': {
      const found = PYTHON_VERSION_ON_IMAGE.exec(line) ?? PYTHON_VERSION.exec(line)
      const version = found?.groups?.['version']
      if (!version) return null
      const image = found.groups?.['image'] ? `ubuntu-${found.groups['image']}` : null
      return {
        kind: 'move-toolchain-version',
        tool: 'python',
        version,
        image,
        step,
        description: `Python ${version} is not available${image ? ` on ${image}` : ' on this runner image'}: pin an image that has it or move to a version it has.`
      }
    }
    case 'add-permission': {
      const accepted = context.lines.map((l) => ACCEPTED_PERMISSIONS.exec(l.text)?.groups?.['accepted']).find((value) => value !== undefined) ?? null
      return { kind: 'add-permission', acceptedPermissions: accepted, step, description: "Grant the job's token the one permission the failing step needs." }
    }
  }
}

// setup-python's messages (actions/setup-python#552, #962).
const PYTHON_VERSION_ON_IMAGE = /The version '(?<version>\d{1,2}\.\d{1,3}(?:\.\d{1,3})?)' with architecture '\w{1,10}' was not found for Ubuntu (?<image>\d{2}\.\d{2})\b/
const PYTHON_VERSION = /Version (?<version>\d{1,2}\.\d{1,3}(?:\.\d{1,3})?) with arch \w{1,10} not found/
// The header some actions print with a 403 (e.g. octokit's error dump).
const ACCEPTED_PERMISSIONS = /x-accepted-github-permissions["']?\s*[:=]\s*["']?(?<accepted>[a-z_]{2,40}=(?:read|write|admin)(?:\s*[,;]\s*[a-z_]{2,40}=(?:read|write|admin)){0,9})/i

/** Which installer printed a network error, for rules that cover several. */
function retryToolOf(line: string): RetryTool | null {
  if (/^npm (?:ERR!|error) (?:code E(?:CONNRESET|TIMEDOUT|AI_AGAIN|CONNREFUSED|5\d\d)\b|network )/.test(line)) return 'npm'
  if (/ERR_PNPM_(?:META_)?FETCH_/.test(line)) return 'pnpm'
  if (/Request failed \\?"5\d\d/.test(line)) return 'yarn'
  return null
}
