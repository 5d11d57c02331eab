/** Which rule, if any, names a log line. */
import { RULES, type Rule } from './rules/index.js'

export interface RuleHit {
  rule: Rule
  /** Named groups of the pattern that matched (action, ref, minutes, message …). */
  groups: Readonly<Record<string, string>>
}

/**
 * The best rule for a line: the highest priority, then the strongest, then the first in the
 * catalog. Lines are normalised and capped by triage, so every pattern runs on bounded input.
 */
export function matchLine(text: string, rules: readonly Rule[] = RULES): RuleHit | null {
  let best: RuleHit | null = null
  for (const rule of rules) {
    if (best && rank(rule) <= rank(best.rule)) continue
    for (const pattern of rule.patterns) {
      const m = pattern.exec(text)
      if (m) {
        best = { rule, groups: definedGroups(m) }
        break
      }
    }
  }
  return best
}

/** Lines that follow a match and can take it back (`unlessNext`). */
const LOOKAHEAD = 2

/**
 * Rules for consecutive lines of a log (sorted by line number, possibly with gaps): a match is
 * dropped when a following line vetoes it, e.g. a Go test's log line followed by `--- PASS`.
 */
export function matchLines(lines: readonly { n: number; text: string }[], rules: readonly Rule[] = RULES): (RuleHit | null)[] {
  // Logs repeat lines (a summary echoes each error, a loop prints the same warning): each
  // distinct text is matched once.
  const seen = new Map<string, RuleHit | null>()
  return lines.map((line, i) => {
    let hit = seen.get(line.text)
    if (hit === undefined) seen.set(line.text, (hit = matchLine(line.text, rules)))
    const veto = hit?.rule.unlessNext
    if (!hit || !veto) return hit
    for (let j = i + 1; j <= i + LOOKAHEAD && j < lines.length; j++) {
      if (lines[j]!.n - line.n > LOOKAHEAD) break
      if (veto.test(lines[j]!.text)) return null
    }
    return hit
  })
}

function rank(rule: Rule): number {
  return (rule.priority ?? 0) * 10 + rule.strength
}

function definedGroups(m: RegExpExecArray): Record<string, string> {
  const groups: Record<string, string> = {}
  for (const [name, value] of Object.entries(m.groups ?? {})) if (value !== undefined) groups[name] = value
  return groups
}
