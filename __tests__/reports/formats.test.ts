// Each report format variant, parsed from a fixture that reproduces its tool's output
// (see __tests__/fixtures/reports/README.md).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { collectReports, parseReportFile, REPORT_LIMITS, type FileParse } from '../../src/reports/index.js'

const fixture = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../fixtures/reports/${name}`, import.meta.url)))

function report(name: string): Extract<FileParse, { kind: 'report' }> {
  const parsed = parseReportFile(fixture(name), REPORT_LIMITS)
  if (parsed.kind !== 'report') throw new Error(`${name} was not read as a report: ${JSON.stringify(parsed)}`)
  return parsed
}

describe('JUnit variants', () => {
  it('jest-junit: the message is the first line of the failure text; skipped tests count', () => {
    const parsed = report('jest-junit.xml')
    expect(parsed.format).toBe('junit')
    expect(parsed.partial).toBeNull()
    expect(parsed.totals).toEqual({ tests: 5, failures: 1, errors: 0, skipped: 1 })
    expect(parsed.failures).toHaveLength(1)
    const [failure] = parsed.failures
    expect(failure).toMatchObject({
      suite: 'cart totals',
      name: 'cart totals applies the discount',
      classname: 'cart totals applies the discount',
      kind: 'failure',
      message: 'Error: expect(received).toBe(expected) // Object.is equality',
      file: null,
      line: null
    })
    expect(failure.details).toContain('Expected: 90\nReceived: 100')
    // entity references in text are decoded
    expect(failure.details).toContain('at new Promise (<anonymous>)')
  })

  it('pytest xunit2: failure and setup error, skip, crash-line message with a decoded &#10;', () => {
    const parsed = report('pytest-xunit2.xml')
    expect(parsed.totals).toEqual({ tests: 5, failures: 1, errors: 1, skipped: 1 })
    expect(parsed.failures.map((f) => [f.classname, f.name, f.kind])).toEqual([
      ['tests.test_pricing', 'test_discount_applies', 'failure'],
      ['tests.test_inventory', 'test_connects', 'error']
    ])
    expect(parsed.failures[0].message).toBe('assert 100 == 90\n +  where 100 = apply_discount(100, 0.1)')
    expect(parsed.failures[0].details).toContain('tests/test_pricing.py:8: AssertionError')
    expect(parsed.failures[1].message).toBe('failed on setup with "ConnectionRefusedError: [Errno 111] Connection refused"')
    expect(parsed.failures[0].suite).toBe('pytest')
  })

  it('pytest xunit1: file and line attributes', () => {
    const parsed = report('pytest-xunit1.xml')
    expect(parsed.totals).toEqual({ tests: 2, failures: 1, errors: 0, skipped: 0 })
    expect(parsed.failures[0]).toMatchObject({ name: 'test_total', file: 'tests/test_cart.py', line: 4, message: 'assert 3 == 4\n +  where 3 = total([1, 2])' })
  })

  it('Maven Surefire: failure and error with CDATA traces; a flaky failure that passed on re-run is a pass', () => {
    const parsed = report('TEST-com.example.shop.CartTest.xml')
    expect(parsed.totals).toEqual({ tests: 4, failures: 1, errors: 1, skipped: 0 })
    expect(parsed.failures.map((f) => [f.name, f.kind])).toEqual([
      ['appliesDiscount', 'failure'],
      ['reservesStock', 'error']
    ])
    expect(parsed.failures[0]).toMatchObject({ suite: 'com.example.shop.CartTest', classname: 'com.example.shop.CartTest', message: 'expected: <90> but was: <100>' })
    expect(parsed.failures[0].details).toContain('at com.example.shop.CartTest.appliesDiscount(CartTest.java:21)')
    // the rerunFailure's trace is not appended to the first failure's text
    expect(parsed.failures[0].details.match(/CartTest\.java:21/g)).toHaveLength(1)
    expect(parsed.failures[1].message).toContain('because "this.inventory" is null')
  })

  it('Gradle: a message attribute with line breaks written as &#10;', () => {
    const parsed = report('TEST-com.example.shop.PriceFormatterTest.xml')
    expect(parsed.totals).toEqual({ tests: 3, failures: 1, errors: 0, skipped: 1 })
    expect(parsed.failures[0]).toMatchObject({
      name: 'formatsYenWithoutDecimals()',
      message: 'org.opentest4j.AssertionFailedError: formatted price\nexpected: <¥1,000> but was: <¥1,000.00>'
    })
  })

  it('go-junit-report: the generic message "Failed" gives way to the t.Errorf line', () => {
    const parsed = report('go-junit-report.xml')
    expect(parsed.totals).toEqual({ tests: 4, failures: 1, errors: 0, skipped: 1 })
    expect(parsed.failures[0]).toMatchObject({
      suite: 'example.com/shop/cart',
      classname: 'example.com/shop/cart',
      name: 'TestDiscount',
      message: 'cart_test.go:21: Discount(100, 0.1) = 100, want 90'
    })
  })
})

describe('TRX (dotnet test --logger trx)', () => {
  it('reads outcomes, ErrorInfo, and the class from TestDefinitions; data rows are not counted twice', () => {
    const parsed = report('dotnet-mstest.trx')
    expect(parsed.format).toBe('trx')
    expect(parsed.totals).toEqual({ tests: 4, failures: 1, errors: 0, skipped: 1 })
    expect(parsed.failures).toEqual([
      {
        suite: '',
        name: 'Discount_Applies',
        classname: 'Shop.Tests.CartTests',
        file: null,
        line: null,
        kind: 'failure',
        message: 'Assert.AreEqual failed. Expected:<90>. Actual:<100>.',
        details: expect.stringContaining('CartTests.cs:line 27') as unknown as string
      }
    ])
  })
})

describe('other XML and whole artifacts', () => {
  it('a pom.xml or coverage report is XML but not a test report', () => {
    expect(parseReportFile(Buffer.from('<?xml version="1.0"?><project><modelVersion>4.0.0</modelVersion></project>'), REPORT_LIMITS)).toEqual({ kind: 'other', root: 'project' })
    expect(parseReportFile(Buffer.from('<coverage line-rate="0.8"><packages/></coverage>'), REPORT_LIMITS)).toEqual({ kind: 'other', root: 'coverage' })
    expect(parseReportFile(Buffer.from('just text'), REPORT_LIMITS)).toEqual({ kind: 'rejected', reason: 'no XML element found' })
  })

  it('sums the files of an artifact and keeps failures in file order', () => {
    const files = ['TEST-com.example.shop.CartTest.xml', 'TEST-com.example.shop.PriceFormatterTest.xml', 'dotnet-mstest.trx'].map((name) => ({
      name: `build/test-results/${name}`,
      bytes: fixture(name)
    }))
    files.push({ name: 'build/pom.xml', bytes: Buffer.from('<project/>') })
    const { report: collected, otherFiles } = collectReports('test-results-ubuntu', files, REPORT_LIMITS)
    expect(otherFiles).toBe(1)
    expect(collected).toMatchObject({
      artifact: 'test-results-ubuntu',
      files: files.slice(0, 3).map((f) => f.name),
      formats: ['junit', 'trx'],
      totals: { tests: 11, failures: 3, errors: 1, skipped: 2 },
      truncated: false,
      problems: []
    })
    expect(collected?.failures.map((f) => f.name)).toEqual(['appliesDiscount', 'reservesStock', 'formatsYenWithoutDecimals()', 'Discount_Applies'])
  })

  it('caps the failures kept per artifact but counts them all', () => {
    const files = Array.from({ length: 3 }, (_, i) => ({ name: `r${i}.xml`, bytes: fixture('pytest-xunit2.xml') }))
    const { report: collected } = collectReports('junit', files, { ...REPORT_LIMITS, maxFailures: 3 })
    expect(collected?.totals).toMatchObject({ failures: 3, errors: 3 })
    expect(collected?.failures).toHaveLength(3)
    expect(collected?.truncated).toBe(false)
    expect(collected?.problems).toEqual(['r1.xml: 1 failing tests counted but not kept (limit 3)', 'r2.xml: 2 failing tests counted but not kept (limit 3)'])
  })

  it('no test report among the files gives no report', () => {
    expect(collectReports('dist', [{ name: 'a.xml', bytes: Buffer.from('<project/>') }], REPORT_LIMITS).report).toBeNull()
  })
})
