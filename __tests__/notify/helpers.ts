/** Builders and checkers shared by the notify tests. */
import type { Diagnosis } from '../../src/classify/types.js'

export function diagnosis(overrides: Partial<Diagnosis> = {}): Diagnosis {
  return {
    owner: 'DEVELOPER',
    category: 'test_failure',
    confidence: 0.92,
    transient: false,
    summary: 'Test LogDifferTest.testGithubParsing fails with an IllegalArgumentException.',
    ruleId: 'junit-test-failed',
    engine: 'rules',
    evidence: [
      { n: 241, text: 'LogDifferTest > testGithubParsing() FAILED' },
      { n: 242, text: '    java.lang.IllegalArgumentException at LogDifferTest.java:57' }
    ],
    fix: null,
    ...overrides
  }
}

/**
 * The runner's command handling, as GitHub documents it: a line is a command when it starts with
 * `::` (after leading whitespace); `\r`, U+0085, U+2028/9 also break lines; while stopped only
 * `::<token>::` is honoured. Returns the command lines the runner would act on.
 */
export function commandsTheRunnerWouldRun(output: string): string[] {
  const run: string[] = []
  let stopToken: string | null = null
  for (const raw of output.split(/\r\n|\r|\n|\u0085|\u2028|\u2029/)) {
    const line = raw.trimStart()
    const match = /^::([^:\s]+)(?: [^:]*)?::(.*)$/.exec(line)
    if (!match) continue
    if (stopToken !== null) {
      if (match[1] === stopToken && match[2] === '') stopToken = null
      continue
    }
    if (match[1] === 'stop-commands') stopToken = match[2]!
    else run.push(line)
  }
  return run
}

/**
 * Walks Markdown the way CommonMark finds fenced code blocks and returns the text outside them,
 * or throws when a fence is left open (content escaped its block).
 */
export function markdownOutsideFences(markdown: string): string {
  const outside: string[] = []
  let fence: { char: string; length: number } | null = null
  for (const line of markdown.split('\n')) {
    if (fence === null) {
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line)
      if (open) fence = { char: open[1]![0]!, length: open[1]!.length }
      else outside.push(line)
    } else {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = null
    }
  }
  if (fence !== null) throw new Error('a fenced block is never closed')
  return outside.join('\n')
}
