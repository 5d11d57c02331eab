// Reports are written by the pushed code's test run: an attacker controls every byte. These
// inputs must be refused, bounded or cleaned, fast, and never expand, fetch or pollute anything.
import { describe, expect, it } from '@jest/globals'
import { collectReports, parseReportFile, REPORT_LIMITS, type FileParse } from '../../src/reports/index.js'

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8')
const parse = (text: string | Buffer): FileParse => parseReportFile(typeof text === 'string' ? bytes(text) : text, REPORT_LIMITS)

function asReport(parsed: FileParse): Extract<FileParse, { kind: 'report' }> {
  if (parsed.kind !== 'report') throw new Error(`not read as a report: ${JSON.stringify(parsed).slice(0, 300)}`)
  return parsed
}

/** Runs `work` and returns its result with the milliseconds it took. */
function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now()
  const value = work()
  return { value, ms: performance.now() - start }
}

describe('DTDs and entities', () => {
  it('refuses a billion-laughs document without expanding anything', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE testsuite [',
      ' <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
      ']>',
      '<testsuite name="s"><testcase name="&lol9;"><failure message="&lol9;"/></testcase></testsuite>'
    ].join('\n')
    const { value, ms } = timed(() => parse(lol))
    expect(value).toEqual({ kind: 'rejected', reason: expect.stringContaining('DOCTYPE') })
    expect(ms).toBeLessThan(200)
  })

  it('refuses an external entity (XXE) document', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE testsuite [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><testsuite><testcase name="&xxe;"><failure message="&xxe;"/></testcase></testsuite>'
    expect(parse(xxe).kind).toBe('rejected')
  })

  it('leaves undeclared entity references literal and decodes only the predefined and numeric ones', () => {
    const parsed = asReport(parse('<testsuite><testcase name="t"><failure message="&xxe; &lt;b&gt; &#65;&#x42; &#0; &#xD800;"/></testcase></testsuite>'))
    expect(parsed.failures[0].message).toBe('&xxe; <b> AB \ufffd \ufffd')
  })

  it('decodes a flood of numeric references linearly, one character each, then caps the text', () => {
    const flood = '&#45;'.repeat(450_000)
    const { value, ms } = timed(() => parse(`<testsuite><testcase name="t"><failure message="${flood}">${flood}</failure></testcase></testsuite>`))
    const failure = asReport(value).failures[0]
    expect(failure.message.length).toBeLessThanOrEqual(REPORT_LIMITS.maxMessageChars)
    expect(failure.details.length).toBeLessThanOrEqual(REPORT_LIMITS.maxDetailsChars)
    expect(failure.message.startsWith('----')).toBe(true)
    expect(ms).toBeLessThan(2000)
  })
})

describe('size, depth and count caps', () => {
  it('refuses a file over the size cap', () => {
    const big = Buffer.alloc(REPORT_LIMITS.maxFileBytes + 1, 0x20)
    expect(parseReportFile(big, REPORT_LIMITS)).toEqual({ kind: 'rejected', reason: `larger than ${REPORT_LIMITS.maxFileBytes} bytes` })
  })

  it('stops at the nesting cap and keeps what was read before, flagged partial', () => {
    const deep = '<a>'.repeat(100_000)
    const text = `<testsuites><testsuite name="s"><testcase name="first"><failure message="boom"/></testcase><testcase name="deep">${deep}`
    const parsed = asReport(parse(text))
    expect(parsed.partial).toBe(`elements nested deeper than ${REPORT_LIMITS.maxDepth}`)
    expect(parsed.totals).toEqual({ tests: 1, failures: 1, errors: 0, skipped: 0 })
    const { report } = collectReports('junit', [{ name: 'deep.xml', bytes: bytes(text) }], REPORT_LIMITS)
    expect(report?.truncated).toBe(true)
    expect(report?.problems).toEqual([`deep.xml: read in part (elements nested deeper than ${REPORT_LIMITS.maxDepth})`])
  })

  it('counts up to the test-case cap in 1e5 test cases, then flags the file partial', () => {
    const cases = '<testcase classname="c" name="t" time="0.001"/>'.repeat(100_000)
    const { value, ms } = timed(() => parse(`<testsuites><testsuite name="s">${cases}</testsuite></testsuites>`))
    const parsed = asReport(value)
    expect(parsed.totals.tests).toBe(REPORT_LIMITS.maxTestCases)
    expect(parsed.partial).toBe(`more than ${REPORT_LIMITS.maxTestCases} test cases`)
    expect(ms).toBeLessThan(3000)
  })

  it('reads 1e5 failing test cases under the cap with the failure list capped', () => {
    const cases = '<testcase name="t"><failure message="m"/></testcase>'.repeat(40_000)
    const parsed = asReport(parse(`<testsuite>${cases}</testsuite>`))
    expect(parsed.totals.failures).toBe(40_000)
    expect(parsed.failures).toHaveLength(REPORT_LIMITS.maxFailures)
    expect(parsed.failuresOmitted).toBe(40_000 - REPORT_LIMITS.maxFailures)
    expect(parsed.partial).toBeNull()
  })

  it('caps 1.5 MB attributes and a 1.5 MB text body, quickly', () => {
    const huge = 'x'.repeat(1.5 * 1024 * 1024)
    const { value, ms } = timed(() => parse(`<testsuite><testcase name="${huge}"><failure message="${huge}">${huge}</failure></testcase></testsuite>`))
    const failure = asReport(value).failures[0]
    expect(failure.name.length).toBeLessThanOrEqual(REPORT_LIMITS.maxNameChars)
    expect(failure.message.length).toBeLessThanOrEqual(REPORT_LIMITS.maxMessageChars)
    expect(failure.details.length).toBeLessThanOrEqual(REPORT_LIMITS.maxDetailsChars)
    expect(ms).toBeLessThan(2000)
  })

  it('an unterminated 4 MB attribute value ends the scan quickly (cut-off file)', () => {
    const { value, ms } = timed(() => parse(`<testsuite><testcase name="ok"><failure message="a"/></testcase><testcase name="${'y'.repeat(4 * 1024 * 1024)}`))
    expect(asReport(value).totals.failures).toBe(1)
    expect(asReport(value).partial).toContain('ends before')
    expect(ms).toBeLessThan(1000)
  })
})

describe('broken documents', () => {
  it('a file cut off mid-way keeps its complete test cases and a started failure', () => {
    const text = '<testsuites><testsuite name="s"><testcase name="a"/><testcase name="b"><failure message="expected 1">trace li'
    const parsed = asReport(parse(text))
    expect(parsed.partial).toBe('the file ends before its root element is closed (cut off?)')
    expect(parsed.totals).toEqual({ tests: 2, failures: 1, errors: 0, skipped: 0 })
    expect(parsed.failures[0]).toMatchObject({ name: 'b', message: 'expected 1', details: 'trace li' })
  })

  it('a test case cut off before any outcome is not counted as passed', () => {
    const parsed = asReport(parse('<testsuite><testcase name="a"/><testcase name="b"><system-out>running'))
    expect(parsed.totals.tests).toBe(1)
  })

  it('a mismatched end tag stops the scan; what came before is kept', () => {
    const parsed = asReport(parse('<testsuite><testcase name="a"><failure message="m"/></testcase><testcase name="b"></testsuite>'))
    expect(parsed.partial).toContain('closes <testcase>')
    expect(parsed.totals.failures).toBe(1)
  })

  it('invalid UTF-8 becomes U+FFFD and the rest of the file is read', () => {
    const head = bytes('<testsuite><testcase name="caf')
    const tail = bytes('"><failure message="bad \xff"/></testcase></testsuite>'.replace('\xff', ''))
    const parsed = asReport(parse(Buffer.concat([head, Buffer.from([0xc3, 0x28, 0xff]), tail])))
    expect(parsed.failures[0].name).toBe('caf\ufffd(\ufffd')
    expect(parsed.totals.failures).toBe(1)
  })

  it('reads UTF-16 reports with a byte-order mark and declared ISO-8859-1 reports', () => {
    const text = '<?xml version="1.0" encoding="utf-16"?><testsuite><testcase name="größe"><failure message="ü"/></testcase></testsuite>'
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    expect(asReport(parse(utf16)).failures[0]).toMatchObject({ name: 'größe', message: 'ü' })
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><testsuite><testcase name="größe"><failure/></testcase></testsuite>', 'latin1')
    expect(asReport(parse(latin1)).failures[0].name).toBe('größe')
  })
})

describe('untrusted text in the kept fields', () => {
  it('attribute names such as __proto__ stay plain data', () => {
    const parsed = asReport(parse('<testsuite><testcase __proto__="polluted" constructor="x" name="t"><failure message="m" __proto__="p"/></testcase></testsuite>'))
    expect(parsed.failures[0].name).toBe('t')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('0')
  })

  it('strips terminal escapes, controls, bidi overrides and zero-width characters', () => {
    const evil = 'ok\u001b[31mred\u001b[0m\u0007 \u202egnp.exe\u200b &#x1b;]8;;https://evil.example\u0007link'
    const parsed = asReport(parse(`<testsuite name="s\u0000"><testcase name="${evil}"><failure message="${evil}">${evil}\r\nnext</failure></testcase></testsuite>`))
    const failure = parsed.failures[0]
    for (const text of [failure.name, failure.message, failure.details, failure.suite]) {
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u200b]/)
    }
    expect(failure.name).toContain('okred')
    expect(failure.details).toContain('\nnext')
  })

  it('masks credentials the way log lines are masked, and counts them', () => {
    const token = `ghp_${'a1B2'.repeat(9)}`
    const parsed = asReport(parse(`<testsuite><testcase name="uses ${token}"><failure message="401 with Authorization: Bearer ${token}">env GITHUB_TOKEN=${token}</failure></testcase></testsuite>`))
    const failure = parsed.failures[0]
    expect(JSON.stringify(failure)).not.toContain(token)
    expect(failure.name).toBe('uses [redacted:github-token]')
    expect(parsed.redactions['github-token']).toBeGreaterThanOrEqual(3)
  })

  it('keeps a pathological line number out', () => {
    const parsed = asReport(parse('<testsuite><testcase name="t" file="a.py" line="1e999"><failure/></testcase><testcase name="u" line="12"><failure/></testcase></testsuite>'))
    expect(parsed.failures.map((f) => f.line)).toEqual([null, 12])
  })
})
