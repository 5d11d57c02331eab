// The verdict on a fix from its branch's CI run (pure).
import { describe, expect, it } from '@jest/globals'
import { verdictOf } from '../../src/pipeline/verify/verdict.js'

const job = (name: string, conclusion: string | null) => ({ name, conclusion })

describe('verdictOf', () => {
  it('verifies when every job that failed before passes, whatever other jobs did', () => {
    expect(verdictOf({ failedJobs: ['Build'], jobs: [job('Build', 'success'), job('Lint', 'failure')], runConclusion: 'failure' })).toEqual({
      outcome: 'verified',
      jobs: ['Build']
    })
  })

  it('reports which of those jobs failed again', () => {
    const jobs = [job('test (18)', 'success'), job('test (20)', 'timed_out'), job('Lint', 'success')]
    expect(verdictOf({ failedJobs: ['test (18)', 'test (20)'], jobs, runConclusion: 'failure' })).toEqual({ outcome: 'failed-again', jobs: ['test (20)'] })
  })

  it('says nothing when those jobs did not run or did not finish', () => {
    expect(verdictOf({ failedJobs: ['Build'], jobs: [job('Lint', 'success')], runConclusion: 'success' })).toMatchObject({ outcome: 'inconclusive' })
    expect(verdictOf({ failedJobs: ['Build'], jobs: [job('Build', 'cancelled')], runConclusion: 'cancelled' })).toMatchObject({ outcome: 'inconclusive' })
  })

  it('falls back to the run\'s conclusion when it is not known which jobs failed', () => {
    expect(verdictOf({ failedJobs: [], jobs: [job('Build', 'success')], runConclusion: 'success' })).toMatchObject({ outcome: 'verified' })
    expect(verdictOf({ failedJobs: [], jobs: [job('Build', 'failure')], runConclusion: 'failure' })).toEqual({ outcome: 'failed-again', jobs: ['Build'] })
    expect(verdictOf({ failedJobs: [], jobs: [], runConclusion: 'cancelled' })).toMatchObject({ outcome: 'inconclusive' })
  })
})
