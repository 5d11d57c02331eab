// `npm run bench`: how well and how fast the diagnosis engine works.
//  1. On the real logs of ../shared/corpus (or $CI_MONITOR_CORPUS): owner and category accuracy,
//     chunk recall (labelled cause lines inside the excerpt, per case and pooled, and against what
//     a 60-line excerpt can hold at all), excerpt length. `--verbose` prints the per-case table.
//  2. The same logs triaged with a green-run baseline: a synthetic green run (the log without its
//     labelled cause lines) and, more honestly, a sibling run of the same job (another failing run
//     with its own cause lines removed). Shows that baseline lines rank below new ones without
//     losing the cause.
//  3. On a large log built by repeating those logs (300 MB by default, --mb N): triage throughput
//     beside `grep -c -iE 'error|fail'` on the same file (three runs each, alternating, best of
//     each, so a busy machine penalises neither side), and the peak RSS of triage run alone in a
//     child process.
// The corpus evaluation is exported for __tests__/classify/corpus.test.ts, which holds the floors.
import { spawnSync } from 'node:child_process'
import { closeSync, createReadStream, createWriteStream, existsSync, mkdtempSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Category, Owner } from '../src/classify/categories.ts'
import type { Diagnosis } from '../src/classify/types.ts'
import type { Baseline } from '../src/triage/baseline.ts'
import type { Triage, TriageOptions } from '../src/triage/types.ts'

export interface CorpusCase {
  id: string
  logPath: string
  owner: Owner
  category: Category
  /** 1-based inclusive line ranges that state the cause. */
  chunk: [number, number][]
}

export interface Engine {
  triageStream(source: AsyncIterable<Uint8Array | string>, options?: TriageOptions): Promise<Triage>
  classify(triage: Triage): Diagnosis
}

export interface BaselineEngine extends Engine {
  buildBaseline(source: AsyncIterable<Uint8Array | string>): Promise<Baseline>
}

export interface CaseResult {
  id: string
  expected: { owner: Owner; category: Category }
  got: { owner: Owner; category: Category; ruleId: string | null; confidence: number }
  excerptLines: number
  causeLines: number
  causeLinesShown: number
}

export interface CorpusSummary {
  cases: number
  ownerAccuracy: number
  categoryAccuracy: number
  /** Share of cases whose excerpt shows at least one labelled cause line. */
  chunkRecallCases: number
  /** Share of labelled cause lines inside the excerpt, averaged per case. */
  chunkRecallLines: number
  /** The same, pooled: all cases' shown cause lines over all their cause lines. */
  chunkRecallPooled: number
  /** Per case, shown cause lines over what the excerpt budget could show at most (min(cause, budget)). */
  chunkRecallWithinBudget: number
  /** The same, counting at most the first 10 labelled lines of a case (chunks can span 2000 lines). */
  chunkRecallFirst10: number
  /** The best `chunkRecallLines` and `chunkRecallPooled` any excerpt within the budget could reach. */
  ceiling: { lines: number; pooled: number }
  medianExcerpt: number
  p95Excerpt: number
}

/** The excerpt budget triage uses by default (TriageOptions.maxExcerptLines). */
export const EXCERPT_BUDGET = 60

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export function corpusRoot(): string {
  return process.env['CI_MONITOR_CORPUS'] ?? resolve(REPO, '../shared/corpus')
}

export function loadCorpus(root = corpusRoot()): CorpusCase[] {
  const casesDir = join(root, 'cases')
  if (!existsSync(casesDir)) return []
  return readdirSync(casesDir)
    .sort()
    .filter((id) => existsSync(join(casesDir, id, 'log.txt')) && existsSync(join(casesDir, id, 'label.json')))
    .map((id) => {
      const label = JSON.parse(readFileSync(join(casesDir, id, 'label.json'), 'utf8')) as Omit<CorpusCase, 'id' | 'logPath'>
      return { id, logPath: join(casesDir, id, 'log.txt'), owner: label.owner, category: label.category, chunk: label.chunk }
    })
}

export function causeLinesOf(c: CorpusCase): Set<number> {
  const cause = new Set<number>()
  for (const [start, end] of c.chunk) for (let n = start; n <= end; n++) cause.add(n)
  return cause
}

export async function evaluateCase(c: CorpusCase, engine: Engine, options: TriageOptions = {}): Promise<CaseResult> {
  const triage = await engine.triageStream(createReadStream(c.logPath), options)
  const diagnosis = engine.classify(triage)
  const cause = causeLinesOf(c)
  return {
    id: c.id,
    expected: { owner: c.owner, category: c.category },
    got: { owner: diagnosis.owner, category: diagnosis.category, ruleId: diagnosis.ruleId, confidence: diagnosis.confidence },
    excerptLines: triage.excerpt.lines.length,
    causeLines: cause.size,
    causeLinesShown: triage.excerpt.lines.filter((l) => cause.has(l.n)).length
  }
}

export function summarize(results: readonly CaseResult[]): CorpusSummary {
  const share = (f: (r: CaseResult) => number): number => results.reduce((sum, r) => sum + f(r), 0) / Math.max(1, results.length)
  const total = (f: (r: CaseResult) => number): number => results.reduce((sum, r) => sum + f(r), 0)
  const lengths = results.map((r) => r.excerptLines).sort((a, b) => a - b)
  const at = (q: number): number => lengths[Math.min(lengths.length - 1, Math.floor(q * lengths.length))] ?? 0
  const fits = (r: CaseResult): number => Math.min(r.causeLines, EXCERPT_BUDGET)
  return {
    cases: results.length,
    ownerAccuracy: share((r) => (r.got.owner === r.expected.owner ? 1 : 0)),
    categoryAccuracy: share((r) => (r.got.category === r.expected.category ? 1 : 0)),
    chunkRecallCases: share((r) => (r.causeLinesShown > 0 ? 1 : 0)),
    chunkRecallLines: share((r) => r.causeLinesShown / Math.max(1, r.causeLines)),
    chunkRecallPooled: total((r) => r.causeLinesShown) / Math.max(1, total((r) => r.causeLines)),
    chunkRecallWithinBudget: share((r) => Math.min(1, r.causeLinesShown / Math.max(1, fits(r)))),
    chunkRecallFirst10: share((r) => Math.min(1, r.causeLinesShown / Math.max(1, Math.min(10, r.causeLines)))),
    ceiling: { lines: share((r) => fits(r) / Math.max(1, r.causeLines)), pooled: total(fits) / Math.max(1, total((r) => r.causeLines)) },
    medianExcerpt: at(0.5),
    p95Excerpt: at(0.95)
  }
}

// --- green-run baselines --------------------------------------------------------------------

export interface BaselineResult {
  pairs: number
  /** Mean chunk recall without and with the baseline. */
  recall: [number, number]
  /** Mean share of excerpt lines that are labelled cause lines, without and with the baseline. */
  precision: [number, number]
  /** Cases whose excerpt showed a cause line without the baseline and none with it. */
  lostCause: number
  /** Category accuracy without and with the baseline. */
  categoryAccuracy: [number, number]
  /** Candidate lines the baselines demoted, all pairs together. */
  demoted: number
}

/** A run of `c`'s job that did not fail the way `c` did: its log without its labelled cause lines. */
function withoutCause(c: CorpusCase): string {
  const cause = causeLinesOf(c)
  return readFileSync(c.logPath, 'utf8')
    .split('\n')
    .filter((_, i) => !cause.has(i + 1))
    .join('\n')
}

/** Runs of the same job: cases whose ids differ only in the run number (terraform-quickchecks-run104, …). */
export function siblingPairs(cases: readonly CorpusCase[]): [CorpusCase, CorpusCase][] {
  const families = new Map<string, CorpusCase[]>()
  for (const c of cases) {
    const family = c.id.replace(/-(?:run)?\d+$/, '')
    families.set(family, [...(families.get(family) ?? []), c])
  }
  const pairs: [CorpusCase, CorpusCase][] = []
  for (const list of families.values()) if (list.length > 1) list.forEach((c, i) => pairs.push([c, list[(i + 1) % list.length]!]))
  return pairs
}

/** Triage of each case without and with the baseline built from its pair's green log. */
export async function evaluateBaselines(pairs: readonly (readonly [CorpusCase, string])[], engine: BaselineEngine): Promise<BaselineResult> {
  const sum = { r0: 0, r1: 0, p0: 0, p1: 0, lost: 0, c0: 0, c1: 0, demoted: 0 }
  for (const [c, green] of pairs) {
    const cause = causeLinesOf(c)
    const baseline = await engine.buildBaseline(once(green))
    const plain = await engine.triageStream(createReadStream(c.logPath))
    const helped = await engine.triageStream(createReadStream(c.logPath), { baseline })
    const shown = (t: Triage): number => t.excerpt.lines.filter((l) => cause.has(l.n)).length
    sum.r0 += shown(plain) / cause.size
    sum.r1 += shown(helped) / cause.size
    sum.p0 += shown(plain) / Math.max(1, plain.excerpt.lines.length)
    sum.p1 += shown(helped) / Math.max(1, helped.excerpt.lines.length)
    if (shown(plain) > 0 && shown(helped) === 0) sum.lost++
    sum.c0 += engine.classify(plain).category === c.category ? 1 : 0
    sum.c1 += engine.classify(helped).category === c.category ? 1 : 0
    sum.demoted += helped.baseline?.demoted ?? 0
  }
  const n = Math.max(1, pairs.length)
  return {
    pairs: pairs.length,
    recall: [sum.r0 / n, sum.r1 / n],
    precision: [sum.p0 / n, sum.p1 / n],
    lostCause: sum.lost,
    categoryAccuracy: [sum.c0 / n, sum.c1 / n],
    demoted: sum.demoted
  }
}

export function syntheticGreenPairs(cases: readonly CorpusCase[]): [CorpusCase, string][] {
  return cases.map((c) => [c, withoutCause(c)])
}

export function siblingGreenPairs(cases: readonly CorpusCase[]): [CorpusCase, string][] {
  return siblingPairs(cases).map(([c, sibling]) => [c, withoutCause(sibling)])
}

async function* once(text: string): AsyncGenerator<string> {
  yield text
}

// --- running it --------------------------------------------------------------------------------

/**
 * Scripts import src/ with .ts extensions, but src/ imports its siblings as .js. This in-thread
 * hook maps them; unlike `--import ./scripts/register-ts.mjs` it starts no loader thread, so the
 * child's RSS is triage's own.
 */
function mapJsToTs(): void {
  registerHooks({
    resolve(specifier, context, next) {
      if (/^\.{1,2}\//.test(specifier) && specifier.endsWith('.js') && context.parentURL?.startsWith('file:')) {
        const ts = new URL(specifier.slice(0, -3) + '.ts', context.parentURL)
        if (!existsSync(new URL(specifier, context.parentURL)) && existsSync(ts)) return next(ts.href, context)
      }
      return next(specifier, context)
    }
  })
}

async function loadEngine(): Promise<BaselineEngine> {
  mapJsToTs()
  const triage = (await import('../src/triage/index.ts')) as Pick<BaselineEngine, 'triageStream' | 'buildBaseline'>
  const classify = (await import('../src/classify/index.ts')) as Pick<Engine, 'classify'>
  return { triageStream: triage.triageStream, buildBaseline: triage.buildBaseline, classify: classify.classify }
}

/**
 * The file in 1 MiB chunks through one reused buffer, read synchronously as grep reads it: what
 * is measured is triage, not a thread-pool round trip and a fresh buffer per chunk (triage
 * copies what it keeps, so reusing the buffer is allowed).
 */
async function* readChunks(file: string): AsyncGenerator<Uint8Array> {
  const fd = openSync(file, 'r')
  const buffer = Buffer.allocUnsafe(1024 * 1024)
  try {
    for (;;) {
      const bytesRead = readSync(fd, buffer, 0, buffer.length, null)
      if (bytesRead === 0) return
      yield buffer.subarray(0, bytesRead)
    }
  } finally {
    closeSync(fd)
  }
}

/** Child mode: triage one file, print time and peak RSS. */
async function child(file: string): Promise<void> {
  const engine = await loadEngine()
  const started = performance.now()
  const triage = await engine.triageStream(readChunks(file))
  const ms = performance.now() - started
  engine.classify(triage)
  process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, lines: triage.totalLines }) + '\n')
}

function buildLargeLog(cases: readonly CorpusCase[], megabytes: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ci-monitor-bench-'))
  const file = join(dir, 'large.log')
  const logs = cases.map((c) => readFileSync(c.logPath))
  const target = megabytes * 1024 * 1024
  return new Promise((done, fail) => {
    const out = createWriteStream(file)
    out.on('error', fail)
    let written = 0
    let next = 0
    const write = (): void => {
      while (written < target) {
        const log = logs[next++ % logs.length]!
        written += log.length
        if (!out.write(log)) return void out.once('drain', write)
      }
      out.end(() => done(file))
    }
    write()
  })
}

function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`
}

function printCases(cases: readonly CorpusCase[], results: readonly CaseResult[]): void {
  console.log('  case                                          cause shown  recall  excerpt  verdict')
  results.forEach((r, i) => {
    const verdict = r.got.category === r.expected.category ? 'ok' : `got ${r.got.category}, labelled ${r.expected.category}`
    const recall = r.causeLinesShown / Math.max(1, r.causeLines)
    console.log(
      `  ${r.id.padEnd(44)} ${String(r.causeLines).padStart(5)} ${String(r.causeLinesShown).padStart(5)} ${percent(recall).padStart(7)} ${String(r.excerptLines).padStart(8)}  ${verdict}${r.causeLines > EXCERPT_BUDGET ? ` (chunk of ${r.causeLines} lines in ${cases[i]!.chunk.length} ranges)` : ''}`
    )
  })
}

function printBaseline(name: string, b: BaselineResult): void {
  console.log(`  ${name}: ${b.pairs} logs, ${b.demoted} candidate lines demoted`)
  console.log(`    cause lines in excerpt   ${percent(b.recall[0])} → ${percent(b.recall[1])}   (cases that lost every cause line: ${b.lostCause})`)
  console.log(`    excerpt lines that are cause lines  ${percent(b.precision[0])} → ${percent(b.precision[1])}`)
  console.log(`    category accuracy        ${percent(b.categoryAccuracy[0])} → ${percent(b.categoryAccuracy[1])}`)
}

/** Runs `a` and `b` alternately, `runs` times each, so both meet the same machine load; best of each. */
function bestOfAlternating<A extends { ms: number }, B extends { ms: number }>(runs: number, a: () => A, b: () => B): [A, B] {
  let bestA: A | null = null
  let bestB: B | null = null
  for (let i = 0; i < runs; i++) {
    const ra = a()
    if (!bestA || ra.ms < bestA.ms) bestA = ra
    const rb = b()
    if (!bestB || rb.ms < bestB.ms) bestB = rb
  }
  return [bestA!, bestB!]
}

async function main(): Promise<void> {
  const flag = process.argv.indexOf('--mb')
  const megabytes = flag > 0 ? Number(process.argv[flag + 1]) || 300 : 300
  const verbose = process.argv.includes('--verbose')
  const cases = loadCorpus()
  if (cases.length === 0) {
    console.error(`No corpus at ${corpusRoot()} (set CI_MONITOR_CORPUS): nothing to measure.`)
    process.exitCode = 2
    return
  }
  const engine = await loadEngine()
  const results: CaseResult[] = []
  for (const c of cases) results.push(await evaluateCase(c, engine))
  const s = summarize(results)
  console.log(`Corpus: ${s.cases} cases (${corpusRoot()})`)
  console.log(`  owner accuracy          ${percent(s.ownerAccuracy)}   (target ≥ 95%)`)
  console.log(`  category accuracy       ${percent(s.categoryAccuracy)}   (target ≥ 85%)`)
  console.log(`  chunk recall, cases     ${percent(s.chunkRecallCases)}   (excerpt shows a labelled cause line)`)
  console.log(`  chunk recall, lines     ${percent(s.chunkRecallLines)} per case, ${percent(s.chunkRecallPooled)} pooled   (share of labelled cause lines in the excerpt)`)
  console.log(`    ceiling at ${EXCERPT_BUDGET} lines    ${percent(s.ceiling.lines)} per case, ${percent(s.ceiling.pooled)} pooled   (no ${EXCERPT_BUDGET}-line excerpt can do better)`)
  console.log(`  chunk recall, in budget ${percent(s.chunkRecallWithinBudget)}   (per case, of min(cause lines, ${EXCERPT_BUDGET}))`)
  console.log(`  chunk recall, first 10  ${percent(s.chunkRecallFirst10)}   (share of each case's first ≤10 cause lines)`)
  console.log(`  excerpt length          median ${s.medianExcerpt}, p95 ${s.p95Excerpt} lines   (target median ≤ 40)`)
  if (verbose) printCases(cases, results)
  else {
    for (const r of results.filter((r) => r.got.category !== r.expected.category || r.got.owner !== r.expected.owner)) {
      console.log(`  miss: ${r.id}: labelled ${r.expected.owner}/${r.expected.category}, got ${r.got.owner}/${r.got.category} (${r.got.ruleId ?? 'no rule'})`)
    }
  }

  console.log('Green-run baseline (excerpt without → with it)')
  printBaseline('synthetic green run (the log without its cause lines)', await evaluateBaselines(syntheticGreenPairs(cases), engine))
  printBaseline('sibling run of the same job (its cause lines removed)', await evaluateBaselines(siblingGreenPairs(cases), engine))

  const file = await buildLargeLog(cases, megabytes)
  try {
    const size = statSync(file).size
    const mb = size / (1024 * 1024)
    let maxRssKb = 0
    const [grep, triage] = bestOfAlternating(
      3,
      () => {
        const started = performance.now()
        const run = spawnSync('grep', ['-c', '-iE', 'error|fail', file], { encoding: 'utf8' })
        return { ms: performance.now() - started, count: run.stdout.trim() }
      },
      () => {
        const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8', maxBuffer: 1 << 20 })
        if (run.status !== 0) throw new Error(`triage child failed: ${run.stderr}`)
        const measured = JSON.parse(run.stdout) as { ms: number; maxRssKb: number; lines: number }
        maxRssKb = Math.max(maxRssKb, measured.maxRssKb)
        return measured
      }
    )
    console.log(`Large log: ${mb.toFixed(0)} MB, ${triage.lines} lines (corpus logs repeated; best of 3 runs each)`)
    console.log(`  grep -c -iE 'error|fail'  ${(mb / (grep.ms / 1000)).toFixed(0)} MB/s (${grep.ms.toFixed(0)} ms, ${grep.count} lines)`)
    console.log(`  triage                    ${(mb / (triage.ms / 1000)).toFixed(0)} MB/s (${triage.ms.toFixed(0)} ms): ${(triage.ms / grep.ms).toFixed(1)}× grep's time (target ≤ 3×)`)
    console.log(`  triage peak RSS           ${(maxRssKb / 1024).toFixed(0)} MB (target < 200 MB)`)
  } finally {
    rmSync(dirname(file), { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--child') await child(process.argv[3]!)
  else await main()
}
