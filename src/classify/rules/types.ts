import type { Category, Owner } from '../categories.js'
import type { FixIntent, RetryTool } from '../types.js'

/**
 * The fix a rule's failure calls for: a catalog kind (a proposed diff comes only from the LLM).
 * `add-retry` names the installer whose download failed, or `from-line` when one rule covers
 * several installers and the matched line tells which.
 */
export type FixSpec = Exclude<FixIntent['kind'], 'add-retry' | 'proposed-diff'> | { kind: 'add-retry'; tool: RetryTool | 'from-line' }

/**
 * One signature of a known failure, as data. A rule looks at one normalised log line; named
 * groups (`action`, `ref`, `minutes`, …) feed the summary and the fix.
 */
export interface Rule {
  /** Stable id, `family.name`: audit records and tests refer to it. */
  id: string
  category: Category
  patterns: readonly RegExp[]
  /**
   * 3: the line names the cause (a compiler diagnostic, an assertion, "No space left on device").
   * 2: a tool's failure summary pointing at a cause printed elsewhere ("There are test failures").
   * 1: the line only says that something failed ("Process completed with exit code 1").
   */
  strength: 1 | 2 | 3
  /** Confidence when this rule decides alone. */
  confidence: number
  /** Explains every error after it (disk full, runner lost, job timeout): it wins even when later. */
  dominant?: boolean
  /** The match does not count when one of the next two lines matches this (the test passed after all). */
  unlessNext?: RegExp
  /** When two rules match one line, the higher priority (then strength) names it. */
  priority?: number
  /** Overrides of the category's defaults. */
  owner?: Owner
  transient?: boolean
  /** One sentence naming the cause. `{line}` is the evidence line, `{group}` a named group. */
  summary: string
  fix?: FixSpec
  /** Real lines this rule must recognise; the catalog test runs every one. */
  examples: readonly string[]
  /** Where those lines come from: tool source or docs, an issue, or the corpus family. */
  source: string
}
