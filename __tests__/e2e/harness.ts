// Jest-side helpers of the end-to-end tests; the action runner itself is in ../sim/action-runner.ts.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe } from '@jest/globals'
import { ROOT } from '../sim/action-runner.ts'

export * from '../sim/action-runner.ts'

// ---------------------------------------------------------------------------------------------
// Real logs from ../shared/corpus, read in place (third-party data: never copied into the project).

export const CORPUS = process.env.CI_MONITOR_CORPUS ?? path.resolve(ROOT, '..', 'shared', 'corpus')
export const corpusAvailable = existsSync(path.join(CORPUS, 'cases'))

export function corpusLog(id: string): { file: string } {
  return { file: path.join(CORPUS, 'cases', id, 'log.txt') }
}

/** `describe` when the corpus is present; otherwise the suite is skipped and says why. */
export function describeWithCorpus(name: string, body: () => void): void {
  if (corpusAvailable) {
    describe(name, body)
  } else {
    describe.skip(`${name} (skipped: the real-log corpus is not at ${CORPUS}; set CI_MONITOR_CORPUS)`, body)
  }
}

