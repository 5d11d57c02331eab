// `npm run bench`: how well and how fast the diagnosis engine works.
//  1. On the real logs of ../shared/corpus (or $CI_MONITOR_CORPUS): owner and category accuracy,
//     chunk recall (labelled cause lines inside the excerpt), excerpt length.
//  2. On a large log built by repeating those logs (300 MB by default, --mb N): triage throughput
//     beside `grep -c -iE 'error|fail'` on the same file, and the peak RSS of triage run alone in a
//     child process.
// The corpus evaluation is exported for __tests__/classify/corpus.test.ts, which holds the floors.
import { spawnSync } from 'node:child_process'
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Category, Owner } from '../src/classify/categories.ts'
import type { Diagnosis } from '../src/classify/types.ts'
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
  /** Mean share of labelled cause lines inside the excerpt. */
  chunkRecallLines: number
  /** The same, counting at most the first 10 labelled lines of a case (chunks can span 2000 lines). */
  chunkRecallFirst10: number
  medianExcerpt: number
  p95Excerpt: number
}

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

export async function evaluateCase(c: CorpusCase, engine: Engine): Promise<CaseResult> {
  const triage = await engine.triageStream(createReadStream(c.logPath))
  const diagnosis = engine.classify(triage)
  const shown = new Set(triage.excerpt.lines.map((l) => l.n))
  const cause: number[] = []
  for (const [start, end] of c.chunk) for (let n = start; n <= end; n++) cause.push(n)
  return {
    id: c.id,
    expected: { owner: c.owner, category: c.category },
    got: { owner: diagnosis.owner, category: diagnosis.category, ruleId: diagnosis.ruleId, confidence: diagnosis.confidence },
    excerptLines: triage.excerpt.lines.length,
    causeLines: cause.length,
    causeLinesShown: cause.filter((n) => shown.has(n)).length
  }
}

export function summarize(results: readonly CaseResult[]): CorpusSummary {
  const share = (f: (r: CaseResult) => number): number => results.reduce((sum, r) => sum + f(r), 0) / Math.max(1, results.length)
  const lengths = results.map((r) => r.excerptLines).sort((a, b) => a - b)
  const at = (q: number): number => lengths[Math.min(lengths.length - 1, Math.floor(q * lengths.length))] ?? 0
  return {
    cases: results.length,
    ownerAccuracy: share((r) => (r.got.owner === r.expected.owner ? 1 : 0)),
    categoryAccuracy: share((r) => (r.got.category === r.expected.category ? 1 : 0)),
    chunkRecallCases: share((r) => (r.causeLinesShown > 0 ? 1 : 0)),
    chunkRecallLines: share((r) => r.causeLinesShown / Math.max(1, r.causeLines)),
    chunkRecallFirst10: share((r) => Math.min(1, r.causeLinesShown / Math.max(1, Math.min(10, r.causeLines)))),
    medianExcerpt: at(0.5),
    p95Excerpt: at(0.95)
  }
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

async function loadEngine(): Promise<Engine> {
  mapJsToTs()
  const triage = (await import('../src/triage/index.ts')) as Pick<Engine, 'triageStream'>
  const classify = (await import('../src/classify/index.ts')) as Pick<Engine, 'classify'>
  return { triageStream: triage.triageStream, classify: classify.classify }
}

/** Child mode: triage one file, print time and peak RSS. */
async function child(file: string): Promise<void> {
  const engine = await loadEngine()
  const started = performance.now()
  const triage = await engine.triageStream(createReadStream(file, { highWaterMark: 1024 * 1024 }))
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

async function main(): Promise<void> {
  const megabytes = Number(process.argv[process.argv.indexOf('--mb') + 1]) || 300
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
  console.log(`  chunk recall, cases     ${percent(s.chunkRecallCases)}   (excerpt shows a labelled cause line; target ≥ 95%)`)
  console.log(`  chunk recall, lines     ${percent(s.chunkRecallLines)}   (share of all labelled cause lines)`)
  console.log(`  chunk recall, first 10  ${percent(s.chunkRecallFirst10)}   (share of each case's first ≤10 cause lines)`)
  console.log(`  excerpt length          median ${s.medianExcerpt}, p95 ${s.p95Excerpt} lines   (target median ≤ 40)`)
  for (const r of results.filter((r) => r.got.category !== r.expected.category || r.got.owner !== r.expected.owner)) {
    console.log(`  miss: ${r.id}: labelled ${r.expected.owner}/${r.expected.category}, got ${r.got.owner}/${r.got.category} (${r.got.ruleId ?? 'no rule'})`)
  }

  const file = await buildLargeLog(cases, megabytes)
  try {
    const size = statSync(file).size
    const mb = size / (1024 * 1024)
    const grepStarted = performance.now()
    const grep = spawnSync('grep', ['-c', '-iE', 'error|fail', file], { encoding: 'utf8' })
    const grepMs = performance.now() - grepStarted
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8', maxBuffer: 1 << 20 })
    if (run.status !== 0) throw new Error(`triage child failed: ${run.stderr}`)
    const measured = JSON.parse(run.stdout) as { ms: number; maxRssKb: number; lines: number }
    console.log(`Large log: ${mb.toFixed(0)} MB, ${measured.lines} lines (corpus logs repeated)`)
    console.log(`  grep -c -iE 'error|fail'  ${(mb / (grepMs / 1000)).toFixed(0)} MB/s (${grepMs.toFixed(0)} ms, ${grep.stdout.trim()} lines)`)
    console.log(`  triage                    ${(mb / (measured.ms / 1000)).toFixed(0)} MB/s (${measured.ms.toFixed(0)} ms): ${(measured.ms / grepMs).toFixed(1)}× grep's time (target ≤ 3×)`)
    console.log(`  triage peak RSS           ${(measured.maxRssKb / 1024).toFixed(0)} MB (target < 200 MB)`)
  } finally {
    rmSync(dirname(file), { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--child') await child(process.argv[3]!)
  else await main()
}
