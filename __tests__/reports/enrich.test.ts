// withTestReports on diagnoses the rule engine really makes from fixture logs, with reports parsed
// from fixture reports: what it sharpens, what it overrides, and what it leaves alone.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { classify, type Diagnosis } from '../../src/classify/index.js'
import { REPORTS_RULE_ID, testLabel, withTestReports } from '../../src/classify/test-reports.js'
import { collectReports, REPORT_LIMITS, type TestReport } from '../../src/reports/index.js'
import { triageText } from '../../src/triage/index.js'

const read = (path: string): Buffer => readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)))
const diagnose = (log: string): Diagnosis => classify(triageText(log))
const diagnoseFixture = (name: string): Diagnosis => diagnose(read(`logs/${name}`).toString('utf8'))

function reportOf(artifact: string, ...files: Array<[string, Buffer | string]>): TestReport {
  const { report } = collectReports(
    artifact,
    files.map(([name, data]) => ({ name, bytes: typeof data === 'string' ? Buffer.from(data) : data })),
    REPORT_LIMITS
  )
  if (!report) throw new Error('no report in the files')
  return report
}

const ALL_PASSED = `<testsuites><testsuite name="cart">${'<testcase classname="cart" name="ok"/>'.repeat(6)}<testcase classname="cart" name="later"><skipped/></testcase></testsuite></testsuites>`
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/

describe('reports with failing tests', () => {
  it('sharpens a test_failure verdict with the failing test and its message', () => {
    const before = diagnoseFixture('pytest-failure.log')
    expect(before.category).toBe('test_failure')
    const after = withTestReports(before, [reportOf('pytest-results', ['report.xml', read('reports/pytest-xunit1.xml')])])
    expect(after).toMatchObject({ owner: 'DEVELOPER', category: 'test_failure', ruleId: before.ruleId, engine: 'rules', fix: null })
    expect(after.confidence).toBeGreaterThanOrEqual(Math.max(0.9, before.confidence))
    expect(after.summary).toBe('Test tests.test_cart.test_total failed: assert 3 == 4 + where 3 = total([1, 2])')
    expect(after.evidence[0]).toEqual({ n: 0, text: 'test report: tests.test_cart.test_total failed (tests/test_cart.py:4): assert 3 == 4 + where 3 = total([1, 2])' })
    // the log's own evidence follows
    expect(after.evidence.slice(1)).toEqual(before.evidence)
  })

  it('names several failures, counting those not listed', () => {
    const report = reportOf('test-results', ['a.xml', read('reports/TEST-com.example.shop.CartTest.xml')], ['b.xml', read('reports/pytest-xunit2.xml')], ['c.xml', read('reports/go-junit-report.xml')])
    const after = withTestReports(diagnoseFixture('pytest-failure.log'), [report])
    expect(after.summary).toBe(
      '5 tests failed (com.example.shop.CartTest.appliesDiscount, com.example.shop.CartTest.reservesStock, tests.test_pricing.test_discount_applies and 2 more); com.example.shop.CartTest.appliesDiscount failed: expected: <90> but was: <100>'
    )
    expect(after.evidence.slice(0, 3).map((l) => l.text)).toEqual([
      'test report: com.example.shop.CartTest.appliesDiscount failed: expected: <90> but was: <100>',
      'test report: com.example.shop.CartTest.reservesStock errored: Cannot invoke "com.example.shop.Inventory.reserve(String, int)" because "this.inventory" is null',
      'test report: tests.test_pricing.test_discount_applies failed: assert 100 == 90 + where 100 = apply_discount(100, 0.1)'
    ])
  })

  it('turns an unknown failure (other, low confidence) into a proven test failure', () => {
    const before = diagnoseFixture('unknown-failure.log')
    expect(before).toMatchObject({ category: 'other' })
    const after = withTestReports(before, [reportOf('jest', ['junit.xml', read('reports/jest-junit.xml')])])
    expect(after).toEqual({
      owner: 'DEVELOPER',
      category: 'test_failure',
      confidence: 0.85,
      transient: false,
      summary: 'Test cart totals applies the discount failed: Error: expect(received).toBe(expected) // Object.is equality',
      ruleId: REPORTS_RULE_ID,
      engine: 'rules',
      evidence: [{ n: 0, text: 'test report: cart totals applies the discount failed: Error: expect(received).toBe(expected) // Object.is equality' }, ...before.evidence],
      fix: null
    })
  })

  it('overrides a low-confidence verdict of another category, dropping its fix', () => {
    const log = [
      '2024-05-06T09:14:02.0000001Z ##[group]Run npm test',
      '2024-05-06T09:14:02.0000002Z npm test',
      '2024-05-06T09:14:02.0000003Z ##[endgroup]',
      '2024-05-06T09:14:05.0000001Z ##[warning]Node.js 16 actions are deprecated. Please update the following actions to use Node.js 20: actions/setup-node@v3. For more information see: https://github.blog/changelog/2023-09-22-github-actions-transitioning-from-node-16-to-node-20/.',
      '2024-05-06T09:14:05.0000002Z ##[error]Process completed with exit code 1.'
    ].join('\n')
    const before = diagnose(log)
    expect(before.category).toBe('workflow_config')
    expect(before.confidence).toBeLessThan(0.5)
    expect(before.fix).not.toBeNull()
    const after = withTestReports(before, [reportOf('dotnet', ['r.trx', read('reports/dotnet-mstest.trx')])])
    expect(after).toMatchObject({ category: 'test_failure', owner: 'DEVELOPER', fix: null, ruleId: REPORTS_RULE_ID })
    expect(after.summary).toBe('Test Shop.Tests.CartTests.Discount_Applies failed: Assert.AreEqual failed. Expected:<90>. Actual:<100>.')
  })

  it('keeps a confident verdict of another category: the reports are its symptom', () => {
    const before = diagnoseFixture('npm-network.log')
    expect(before.confidence).toBeGreaterThanOrEqual(0.5)
    expect(withTestReports(before, [reportOf('jest', ['junit.xml', read('reports/jest-junit.xml')])])).toBe(before)
  })
})

describe('reports where no test failed', () => {
  it('tells an unknown failure that it is outside the tests, keeping its category and confidence', () => {
    const before = diagnoseFixture('unknown-failure.log')
    const after = withTestReports(before, [reportOf('test-results', ['junit.xml', ALL_PASSED])])
    expect(after).toMatchObject({ category: before.category, owner: before.owner, confidence: before.confidence, ruleId: before.ruleId })
    expect(after.summary).toBe(`No test failed in the uploaded test reports (7 tests, 1 skipped): the failure is outside the tests. ${before.summary}`)
    expect(after.evidence).toEqual([{ n: 0, text: 'test report: 7 tests, 0 failed, 1 skipped (test-results)' }, ...before.evidence])
  })

  it('proves nothing when a report was read only in part', () => {
    const before = diagnoseFixture('unknown-failure.log')
    const cut = reportOf('test-results', ['junit.xml', ALL_PASSED.slice(0, -30)])
    expect(cut.truncated).toBe(true)
    expect(withTestReports(before, [cut])).toBe(before)
  })

  it('keeps a test_failure verdict from the log (reports may come from another step)', () => {
    const before = diagnoseFixture('pytest-failure.log')
    expect(withTestReports(before, [reportOf('test-results', ['junit.xml', ALL_PASSED])])).toBe(before)
  })

  it('changes nothing without reports or without test cases', () => {
    const before = diagnoseFixture('unknown-failure.log')
    expect(withTestReports(before, [])).toBe(before)
    expect(withTestReports(before, [reportOf('empty', ['junit.xml', '<testsuites><testsuite name="none" tests="0"/></testsuites>'])])).toBe(before)
  })
})

describe('untrusted report text', () => {
  it('reaches the summary and evidence cleaned: no controls, no credentials, bounded length', () => {
    const token = `ghp_${'Zx9'.repeat(12)}`
    const evil = `\u001b[2J\u202eevil\u0007 ${token} ${'long '.repeat(400)}`
    const xml = `<testsuite><testcase classname="${evil}" name="${evil}"><failure message="${evil}">${evil}</failure></testcase></testsuite>`
    const after = withTestReports(diagnoseFixture('unknown-failure.log'), [reportOf(`junit ${evil}`, ['r.xml', xml])])
    const shown = [after.summary, ...after.evidence.map((l) => l.text)]
    for (const text of shown) {
      expect(text).not.toMatch(CONTROL)
      expect(text).not.toContain(token)
    }
    expect(after.summary.length).toBeLessThanOrEqual(500)
    expect(after.evidence[0].text.length).toBeLessThanOrEqual(1000)
  })
})

describe('testLabel', () => {
  it('joins class and name unless the name already carries the class', () => {
    expect(testLabel({ classname: 'tests.test_cart', name: 'test_total' })).toBe('tests.test_cart.test_total')
    expect(testLabel({ classname: 'cart totals sums', name: 'cart totals sums' })).toBe('cart totals sums')
    expect(testLabel({ classname: 'Shop.Tests.CartTests', name: 'Shop.Tests.CartTests.Discount' })).toBe('Shop.Tests.CartTests.Discount')
    expect(testLabel({ classname: '', name: 'TestX' })).toBe('TestX')
    expect(testLabel({ classname: 'pkg', name: '' })).toBe('pkg')
  })
})
