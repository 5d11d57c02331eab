// The green-run baseline: a compact, bounded record of what a passing run of the same job printed,
// and triage ranking the lines that are new in the failing log above the ones the green run also
// printed. Checked on small logs written here and on the real logs of the shared corpus.
import { describe, expect, it } from '@jest/globals'
import { baselineFromText, buildBaseline, inBaseline } from '../../src/triage/baseline.js'
import { classify } from '../../src/classify/index.js'
import { triageStream, triageText } from '../../src/triage/index.js'
import { corpusRoot, evaluateBaselines, loadCorpus, siblingGreenPairs, syntheticGreenPairs } from '../../scripts/bench.ts'
import { chunked, gh } from './helpers.ts'

describe('buildBaseline', () => {
  const green = [
    gh('##[group]Run mvn verify'),
    gh('[INFO] Running demo.PriceTest'),
    gh('[WARNING] /home/runner/work/demo/src/Main.java:[14,9] deprecation: Date(int,int,int) is deprecated'),
    gh('Expected error in negative test: connection refused by 10.0.0.7:5432 after 1532 ms'),
    gh('[INFO] Tests run: 12, Failures: 0, Errors: 0, Skipped: 0'),
    gh('[INFO] BUILD SUCCESS')
  ].join('\n')

  it('recognises a line again when only numbers, addresses, hashes or timestamps changed', () => {
    const baseline = baselineFromText(green)
    expect(inBaseline(baseline, 'Expected error in negative test: connection refused by 10.0.0.9:5432 after 87 ms')).toBe(true)
    expect(inBaseline(baseline, '[WARNING] /home/runner/work/demo/src/Main.java:[15,3] deprecation: Date(int,int,int) is deprecated')).toBe(true)
    expect(inBaseline(baseline, 'Error: connect ECONNREFUSED 127.0.0.1:6379')).toBe(false)
    // Only lines the keyword scan flags are recorded: plain output cannot rank, so it is not kept.
    expect(inBaseline(baseline, '[INFO] Running demo.PriceTest')).toBe(false)
    expect(baseline.lines).toBe(6)
  })

  it('stops recording at its template cap and says so', () => {
    // Letters, not digits: numbers are masked, so only words make templates distinct.
    const word = (i: number): string => Array.from({ length: 4 }, (_, k) => String.fromCharCode(97 + (Math.floor(i / 26 ** k) % 26))).join('')
    const log = Array.from({ length: 260_000 }, (_, i) => `error: ${word(i)}`).join('\n')
    const baseline = baselineFromText(log)
    expect(baseline.saturated).toBe(true)
    expect(baseline.templates).toBe(250_000)
    expect(baseline.lines).toBe(260_000)
    expect(inBaseline(baseline, `error: ${word(10)}`)).toBe(true)
  })

  it('stays the same size whatever the log, and reads streams in any chunking', async () => {
    const small = baselineFromText(green)
    const large = baselineFromText(Array.from({ length: 30_000 }, (_, i) => `error: step ${i} failed with code E${i}x${i * 7}`).join('\n'))
    expect(large.bits.byteLength).toBe(small.bits.byteLength)
    expect(large.bits.byteLength).toBeLessThanOrEqual(512 * 1024)
    const streamed = await buildBaseline(chunked(Buffer.from(green), 5, 13))
    expect(streamed.lines).toBe(small.lines)
    expect(streamed.templates).toBe(small.templates)
    expect(Buffer.from(streamed.bits.buffer).equals(Buffer.from(small.bits.buffer))).toBe(true)
  })
})

describe('triage with a baseline', () => {
  // Integration-test builds whose expected compile errors appear in every run (the green one
  // too), then the compile error that broke this run.
  const projects = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima']
  const expectedErrors = projects.flatMap((name) => [
    `[INFO] Building it-${name} 1.0-SNAPSHOT`,
    `[ERROR] /home/runner/work/auto/src/it/${name}/src/main/java/Nested.java:[22,4] cannot find symbol`,
    '  symbol:   class AutoValue',
    `[INFO] it-${name} failed as expected`
  ])
  const run = (cause: string[]): string =>
    [
      gh('##[group]Run mvn -B verify'),
      gh('##[endgroup]'),
      ...expectedErrors.map((l) => gh(l)),
      gh('[INFO] invoker: 12 builds passed'),
      ...cause.map((l) => gh(l)),
      gh('[INFO] BUILD ' + (cause.length > 0 ? 'FAILURE' : 'SUCCESS'))
    ].join('\n')
  // As strong a signature as the expected errors, so without the baseline only position ranks it.
  const cause = [
    '[ERROR] /home/runner/work/auto/src/main/java/com/google/auto/value/Formatter.java:[31,7] cannot find symbol',
    '  symbol:   method render(java.lang.String)',
    '  location: class com.google.auto.value.Template'
  ]
  const failing = run(cause)
  const causeText = cause[0]!

  it('ranks the new error above the echoes of normal output, and says how many it demoted', () => {
    const without = triageText(failing, { maxExcerptLines: 8 })
    const withBaseline = triageText(failing, { maxExcerptLines: 8, baseline: baselineFromText(run([])) })
    // Without the baseline the expected errors, printed first, fill the small budget.
    expect(without.excerpt.lines.map((l) => l.text)).not.toContain(causeText)
    expect(withBaseline.excerpt.lines.map((l) => l.text)).toContain(causeText)
    // Each expected build printed two lines that score: its error and its "failed as expected".
    expect(withBaseline.baseline).toEqual({ lines: expect.any(Number), templates: expect.any(Number), demoted: 24, seenInGreen: expect.any(Array) })
    expect(without.baseline).toBeNull()
    expect(classify(withBaseline).evidence.map((l) => l.text)).toContain(causeText)
  })

  it('keeps the fingerprint whether or not a green run was found', () => {
    const without = triageText(failing, { maxExcerptLines: 8 })
    const withBaseline = triageText(failing, { maxExcerptLines: 8, baseline: baselineFromText(run([])) })
    expect(withBaseline.excerpt).not.toEqual(without.excerpt)
    expect(withBaseline.fingerprint).toBe(without.fingerprint)
    expect(withBaseline.signature).toEqual(without.signature)
  })

  it('loses nothing when the green run printed the cause too: demotion only reorders', () => {
    const sameAsGreen = triageText(failing, { baseline: baselineFromText(failing) })
    expect(sameAsGreen.excerpt.lines.map((l) => l.text)).toContain(causeText)
  })
})

describe('classification with a baseline', () => {
  // Both runs print the connection error while the database starts; only the failing one has the
  // failed test. Without the green run the earlier connection error names the failure.
  const noise = 'Error: connect ECONNREFUSED 127.0.0.1:5432'
  const head = ['##[group]Run npm test', 'npm test', '##[endgroup]', '> jest --ci', noise]
  const green = [...head, 'PASS src/sum.test.js', 'Tests: 3 passed, 3 total'].join('\n')
  const failing = [...head, 'FAIL src/sum.test.js', '  ● sum › adds two numbers', '    Expected: 4', '    Received: 5', 'Tests: 1 failed, 2 passed, 3 total', '##[error]Process completed with exit code 1.'].join('\n')

  it('lets a new, specific signature decide over one the green run printed too', () => {
    expect(classify(triageText(failing)).category).toBe('service_dependency')
    const helped = triageText(failing, { baseline: baselineFromText(green) })
    expect(helped.baseline?.seenInGreen).toEqual([5])
    expect(classify(helped).category).toBe('test_failure')
  })

  it('keeps the seen signature when nothing new names a cause', () => {
    const vague = [...head, 'Error: something else went wrong', '##[error]Process completed with exit code 1.'].join('\n')
    expect(classify(triageText(vague, { baseline: baselineFromText(green) })).category).toBe('service_dependency')
  })
})

const cases = loadCorpus()
const describeCorpus = cases.length > 0 ? describe : describe.skip
if (cases.length === 0) console.warn(`baseline.test: no corpus at ${corpusRoot()} (set CI_MONITOR_CORPUS); skipping the corpus checks`)

describeCorpus('triage with a baseline, on the corpus', () => {
  const engine = { triageStream, classify, buildBaseline }

  it('with a synthetic green run (the log without its cause lines): more of the excerpt is cause, no cause lost', async () => {
    const result = await evaluateBaselines(syntheticGreenPairs(cases), engine)
    expect(result.lostCause).toBe(0)
    expect(result.demoted).toBeGreaterThan(0)
    expect(result.precision[1]).toBeGreaterThan(result.precision[0])
    expect(result.recall[1]).toBeGreaterThanOrEqual(result.recall[0] - 0.005)
    expect(result.categoryAccuracy[1]).toBeGreaterThanOrEqual(result.categoryAccuracy[0])
  })

  it('with a sibling run of the same job: the same, on real neighbouring logs', async () => {
    const result = await evaluateBaselines(siblingGreenPairs(cases), engine)
    expect(result.pairs).toBeGreaterThan(10)
    expect(result.lostCause).toBe(0)
    expect(result.precision[1]).toBeGreaterThan(result.precision[0])
    expect(result.recall[1]).toBeGreaterThanOrEqual(result.recall[0] - 0.01)
    expect(result.categoryAccuracy[1]).toBeGreaterThanOrEqual(result.categoryAccuracy[0])
  })
})
