import { describe, expect, it } from '@jest/globals'
import { isCategory } from '../../src/classify/categories.js'
import { classify } from '../../src/classify/index.js'
import { matchLine } from '../../src/classify/match.js'
import { RULES } from '../../src/classify/rules/index.js'
import { triageText } from '../../src/triage/index.js'
import { BlockScan, buildScanTables, scanBlock } from '../../src/triage/scanner.js'

const tables = buildScanTables()

function scannerSees(line: string): boolean {
  const scan = new BlockScan()
  scanBlock(Buffer.from(line), tables, scan)
  return scan.count === 1 && scan.weight[0]! > 0
}

describe('rule catalog', () => {
  it('has unique ids, known categories and sane confidences', () => {
    const ids = RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+\.[a-z0-9-]+$/)
      expect(isCategory(rule.category)).toBe(true)
      expect(rule.confidence).toBeGreaterThan(0)
      expect(rule.confidence).toBeLessThanOrEqual(1)
      expect(rule.examples.length).toBeGreaterThan(0)
      expect(rule.source.length).toBeGreaterThan(0)
    }
  })

  it('uses stateless patterns (no g or y flag), so a match never depends on the previous line', () => {
    for (const rule of RULES) for (const pattern of rule.patterns) expect(pattern.flags).not.toMatch(/[gy]/)
  })

  it('runs every pattern in linear time on hostile lines at the line cap', () => {
    const pieces = ['a', 'a.', ' ', '::', '[ERROR] ', 'x_test.go:1: ', 'Could not transfer artifact ', '0', '/', '"', 'error: ', '\t', 'Error: ']
    const hostile = pieces.map((p) => p.repeat(Math.ceil(8192 / p.length)).slice(0, 8192))
    for (const rule of RULES) {
      for (const pattern of rule.patterns) {
        const started = performance.now()
        for (const line of hostile) pattern.exec(line)
        const ms = performance.now() - started
        if (ms >= 100) throw new Error(`${rule.id}: /${pattern.source}/ took ${ms.toFixed(0)} ms on hostile input`)
      }
    }
  })

  it('only names groups in summaries that its patterns capture', () => {
    for (const rule of RULES) {
      const groups = new Set(rule.patterns.flatMap((p) => [...p.source.matchAll(/\(\?<(\w+)>/g)].map((m) => m[1]!)))
      for (const [, name] of rule.summary.matchAll(/\{(\w+)\}/g)) if (name !== 'line') expect(groups).toContain(name)
    }
  })

  describe.each(RULES.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
    it.each(rule.examples.map((e) => [e]))('recognises %s', (example) => {
      expect(matchLine(example)?.rule.id).toBe(rule.id)
      // Triage only looks closely at lines its keyword scan picks up.
      expect(scannerSees(example)).toBe(true)
    })
  })

  it('decides each dominant or fixing rule from its example alone', () => {
    for (const rule of RULES.filter((r) => r.dominant || r.fix)) {
      const diagnosis = classify(triageText(`${rule.examples[0]}\n`))
      expect(diagnosis.ruleId).toBe(rule.id)
      expect(diagnosis.category).toBe(rule.category)
      // A rule's fix needs the right kind of line (node-heap only for Node's heap, no retry for an
      // apt 404, the installer named on the line): when an example yields one, it is that kind.
      const kind = typeof rule.fix === 'object' ? rule.fix.kind : rule.fix
      if (rule.fix && diagnosis.fix) expect(diagnosis.fix.kind).toBe(kind)
    }
  })

  it('proposes its fix from at least one of its real examples, for every rule that has one', () => {
    for (const rule of RULES.filter((r) => r.fix)) {
      const kind = typeof rule.fix === 'object' ? rule.fix.kind : rule.fix
      const kinds = rule.examples.map((example) => classify(triageText(`${example}\n`)).fix?.kind ?? null)
      expect({ rule: rule.id, proposes: kinds.includes(kind!) }).toEqual({ rule: rule.id, proposes: true })
    }
  })
})
