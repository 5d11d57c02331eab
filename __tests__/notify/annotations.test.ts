import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '@actions/core'
import { buildAnnotations, emitAnnotations } from '../../src/notify/annotations.js'
import { commandsTheRunnerWouldRun, diagnosis } from './helpers.ts'

describe('buildAnnotations', () => {
  it('gives a failure an error with the job, category and evidence, a transient one a warning', () => {
    const annotations = buildAnnotations({
      jobs: [
        { job: 'test', diagnosis: diagnosis(), decision: 'Notified the developers.' },
        { job: 'deploy', diagnosis: diagnosis({ owner: 'DEVOPS', category: 'network', transient: true, summary: 'Connection reset by the registry.', evidence: [] }) }
      ],
      problems: ['Slack failed: invalid_auth']
    })
    expect(annotations).toEqual([
      {
        level: 'error',
        title: 'test: Test failure (DEVELOPER, 92%)',
        message:
          'Test LogDifferTest.testGithubParsing fails with an IllegalArgumentException.\n241: LogDifferTest > testGithubParsing() FAILED\n242:     java.lang.IllegalArgumentException at LogDifferTest.java:57\nci-monitor: Notified the developers.'
      },
      { level: 'warning', title: 'deploy: Network failure (DEVOPS, 92%)', message: 'Connection reset by the registry.' },
      { level: 'warning', title: 'ci-monitor degraded', message: 'Slack failed: invalid_auth' }
    ])
  })

  it('shows at most 10 per level and says how many it left out', () => {
    const jobs = Array.from({ length: 25 }, (_, i) => ({ job: `shard ${i}`, diagnosis: diagnosis() }))
    const annotations = buildAnnotations({ jobs })
    expect(annotations.filter((a) => a.level === 'error')).toHaveLength(10)
    expect(annotations.at(-1)).toEqual({ level: 'notice', title: 'ci-monitor', message: '15 more findings left out of the annotations; the job summary lists them all.' })
    expect(annotations).toHaveLength(11)
  })

  it('caps title and message length', () => {
    const [annotation] = buildAnnotations({ jobs: [{ job: 'j'.repeat(1_000_000), diagnosis: diagnosis({ summary: 's'.repeat(1_000_000) }) }] })
    expect(annotation!.title.length).toBeLessThanOrEqual(120)
    expect(annotation!.message.length).toBeLessThanOrEqual(1_000)
  })
})

describe('emitAnnotations through @actions/core', () => {
  let written: string[]
  beforeEach(() => {
    written = []
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    })
  })
  afterEach(() => {
    jest.restoreAllMocks()
  })

  it('prints one command per annotation and nothing the runner would run from the log text', () => {
    const annotations = buildAnnotations({
      jobs: [
        {
          job: 'build\r::add-mask::job-name',
          diagnosis: diagnosis({
            summary: 'failed\n::stop-commands::evil\u2028::error::forged\u0085::warning::forged',
            evidence: [
              { n: 1, text: '::add-mask::ghs_abc\r::set-output name=x::y' },
              { n: 2, text: '\u001b[31m%0A::error::encoded newline\u001b[0m' }
            ]
          }),
          decision: '::notice::forged decision'
        }
      ],
      problems: ['Slack said\r\n::add-mask::problem']
    })
    emitAnnotations(annotations, core)
    const output = written.join('')
    const commands = commandsTheRunnerWouldRun(output)
    expect(commands).toHaveLength(2)
    expect(commands[0]).toMatch(/^::error title=build %3A%3Aadd-mask%3A%3Ajob-name%3A Test failure \(DEVELOPER%2C 92%25\)::failed%0A::stop-commands::evil%0A::error::forged/)
    expect(commands[1]).toMatch(/^::warning title=ci-monitor degraded::Slack said%0A::add-mask::problem$/)
    expect(output).not.toMatch(/[\r\u0085\u2028\u2029\u001b]/)
  })
})
