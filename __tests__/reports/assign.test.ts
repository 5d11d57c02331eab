// Which reports a failed job gets: all of them when it failed alone; by artifact name otherwise.
import { describe, expect, it } from '@jest/globals'
import { reportsForJob, type TestReport } from '../../src/reports/index.js'

const report = (artifact: string): TestReport => ({
  artifact,
  files: ['junit.xml'],
  formats: ['junit'],
  totals: { tests: 1, failures: 0, errors: 0, skipped: 0 },
  failures: [],
  truncated: false,
  problems: [],
  redactions: {}
})
const artifacts = (reports: TestReport[]): string[] => reports.map((r) => r.artifact)

describe('reportsForJob', () => {
  it('gives every report to the only failed job', () => {
    const reports = [report('junit-ubuntu'), report('lint-report')]
    expect(artifacts(reportsForJob('test (ubuntu-latest)', ['test (ubuntu-latest)'], reports))).toEqual(['junit-ubuntu', 'lint-report'])
  })

  it('matches matrix jobs by their matrix values', () => {
    const failed = ['test (ubuntu-latest, 18)', 'test (ubuntu-latest, 20)', 'test (windows-latest, 20)']
    const reports = [report('junit-ubuntu-latest-18'), report('junit-ubuntu-latest-20'), report('junit-windows-latest-20'), report('coverage')]
    expect(artifacts(reportsForJob(failed[0], failed, reports))).toEqual(['junit-ubuntu-latest-18'])
    expect(artifacts(reportsForJob(failed[1], failed, reports))).toEqual(['junit-ubuntu-latest-20'])
    expect(artifacts(reportsForJob(failed[2], failed, reports))).toEqual(['junit-windows-latest-20'])
  })

  it('matches plain jobs by their words, plurals folded', () => {
    const failed = ['unit-tests', 'e2e']
    const reports = [report('unit-test-results'), report('e2e-report'), report('screenshots')]
    expect(artifacts(reportsForJob('unit-tests', failed, reports))).toEqual(['unit-test-results'])
    expect(artifacts(reportsForJob('e2e', failed, reports))).toEqual(['e2e-report'])
  })

  it('gives a report to the most specific fit, and to no one when two fit equally', () => {
    expect(artifacts(reportsForJob('test (windows)', ['test', 'test (windows)'], [report('test-results-windows')]))).toEqual(['test-results-windows'])
    expect(artifacts(reportsForJob('test', ['test', 'test (windows)'], [report('test-results-windows')]))).toEqual([])
    expect(artifacts(reportsForJob('build (linux)', ['build (linux)', 'test (linux)'], [report('results-linux')]))).toEqual([])
  })
})
