/**
 * Real third-party CI logs (read in place from the shared corpus) through every renderer: the
 * job summary, the Slack message and the stop-commands fence must hold for text nobody here wrote.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import type { LogLine } from '../../src/triage/types.js'
import { newStopCommandsToken, stopCommands } from '../../src/notify/escape.js'
import { buildFailureMessage, SLACK_LIMITS } from '../../src/notify/slack-message.js'
import { buildJobSummary } from '../../src/notify/summary.js'
import { commandsTheRunnerWouldRun, diagnosis, markdownOutsideFences } from './helpers.ts'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const corpus = process.env.CI_MONITOR_CORPUS ?? path.resolve(repoRoot, '../shared/corpus')
const casesDir = path.join(corpus, 'cases')
const available = existsSync(casesDir)

interface Case {
  id: string
  lines: string[]
  chunk: [number, number][]
}

function loadCases(): Case[] {
  return readdirSync(casesDir)
    .filter((id) => existsSync(path.join(casesDir, id, 'log.txt')))
    .map((id) => {
      const label = JSON.parse(readFileSync(path.join(casesDir, id, 'label.json'), 'utf8')) as { chunk?: [number, number][] }
      return { id, lines: readFileSync(path.join(casesDir, id, 'log.txt'), 'utf8').split('\n'), chunk: label.chunk ?? [] }
    })
}

/** The labelled cause lines plus the log's last 40 lines: what an excerpt would hold. */
function excerptOf(c: Case): LogLine[] {
  const numbers = new Set<number>()
  for (const [start, end] of c.chunk) for (let n = start; n <= Math.min(end, start + 80); n++) numbers.add(n)
  for (let n = Math.max(1, c.lines.length - 40); n <= c.lines.length; n++) numbers.add(n)
  return [...numbers].sort((a, b) => a - b).map((n) => ({ n, text: c.lines[n - 1] ?? '' }))
}

const suite = available ? describe : describe.skip
suite(available ? 'real CI logs through the notify renderers' : `real CI logs: skipped, no corpus at ${casesDir} (set CI_MONITOR_CORPUS)`, () => {
  const cases = available ? loadCases() : []

  it('finds the corpus', () => {
    expect(cases.length).toBeGreaterThan(10)
  })

  it('renders every log into a summary with closed fences, no raw HTML and no mentions outside them', () => {
    for (const c of cases) {
      const lines = excerptOf(c)
      const md = buildJobSummary({
        repository: 'octo-org/widgets',
        workflow: 'CI',
        branch: 'main',
        runUrl: 'https://github.com/octo-org/widgets/actions/runs/1',
        dryRun: false,
        jobs: [{ job: c.id, diagnosis: diagnosis({ evidence: lines.slice(0, 5), summary: lines.at(-1)?.text ?? '' }), fingerprint: 'abcdef12', excerpt: { ranges: [], lines }, decision: 'Notified.' }]
      })
      const outside = markdownOutsideFences(md)
      expect({ id: c.id, html: /</.test(outside), mention: /(^|[^&#\w])@[A-Za-z0-9]/m.test(outside) }).toEqual({ id: c.id, html: false, mention: false })
    }
  })

  it('renders every log into a Slack message within limits and without live mentions or links', () => {
    for (const c of cases) {
      const lines = excerptOf(c)
      const message = buildFailureMessage({
        repository: 'octo-org/widgets',
        branch: 'main',
        workflow: 'CI',
        job: c.id,
        runUrl: 'https://github.com/octo-org/widgets/actions/runs/1',
        diagnosis: diagnosis({ evidence: lines, summary: lines.at(-1)?.text ?? 'x' }),
        decision: 'Notified.'
      })
      const json = JSON.stringify(message)
      expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks)
      for (const block of message.blocks) {
        if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionChars)
      }
      expect({ id: c.id, control: /<[!@#]|<https?:/.test(json), broadcast: /@(here|channel|everyone)\b/i.test(json) }).toEqual({ id: c.id, control: false, broadcast: false })
    }
  })

  it('fences every whole log line for line, so the runner would run none of it', () => {
    const token = newStopCommandsToken()
    for (const c of cases) {
      const output = stopCommands(c.lines, token)
      const physicalLines = output.split(/\r\n|\r|\n|\u0085|\u2028|\u2029/).length
      expect({ id: c.id, lines: physicalLines, commands: commandsTheRunnerWouldRun(output) }).toEqual({ id: c.id, lines: c.lines.length + 2, commands: [] })
    }
  })
})
