import { describe, expect, it } from '@jest/globals'
import { stableText } from '../../src/triage/fingerprint.js'
import { triageText } from '../../src/triage/index.js'
import { gh } from './helpers.ts'

/** The same failure as two runs would print it: only volatile details differ. */
function run(variant: { seconds: number; hash: string; tmp: string; port: number; uuid: string; ms: number }): string {
  return [
    gh("Current runner version: '2.316.1'", variant.seconds),
    gh('##[group]Run npm test', variant.seconds),
    gh('##[endgroup]', variant.seconds),
    gh(`Using cache ${variant.hash} in ${variant.tmp}/jest_dx`, variant.seconds),
    gh(`Error: connect ECONNREFUSED 127.0.0.1:${variant.port} (request ${variant.uuid})`, variant.seconds + 1),
    gh(`    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16) after ${variant.ms} ms`, variant.seconds + 1),
    gh('##[error]Process completed with exit code 1.', variant.seconds + 2)
  ].join('\n')
}

describe('fingerprint', () => {
  const first = run({ seconds: 3, hash: '9f86d081884c7d65', tmp: '/tmp/tmp-8812-AbCdEf', port: 5432, uuid: '3f2b1c4e-8a9d-4e2f-b6a1-0c9d8e7f6a5b', ms: 12 })
  const second = run({ seconds: 41, hash: '2c26b46b68ffc68f', tmp: '/tmp/tmp-1029-ZyXwVu', port: 54321, uuid: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', ms: 4077 })

  it('is the same when only timestamps, hashes, temp paths, ports, ids and durations change', () => {
    expect(triageText(first).fingerprint).toBe(triageText(second).fingerprint)
  })

  it('differs for a different failure and for a different job identity', () => {
    const other = first.replace('ECONNREFUSED', 'ETIMEDOUT')
    expect(triageText(other).fingerprint).not.toBe(triageText(first).fingerprint)
    expect(triageText(first, { identity: ['.github/workflows/ci.yml', 'test'] }).fingerprint).not.toBe(
      triageText(first, { identity: ['.github/workflows/ci.yml', 'lint'] }).fingerprint
    )
  })

  it('is 16 lowercase hex characters', () => {
    expect(triageText(first).fingerprint).toMatch(/^[0-9a-f]{16}$/)
  })
})

describe('stableText', () => {
  it('drops what changes between runs of the same failure', () => {
    expect(stableText('Took 1.52s at 2024-05-06T09:14:02.123Z in /tmp/abc123/x on port 8080, commit deadbeef1234567')).toBe(
      'took 0s at <time> in <tmp> on port 0, commit <hex>'
    )
  })

  it('keeps words made of hex letters', () => {
    expect(stableText('defaced accede')).toBe('defaced accede')
  })
})

describe('fingerprints of failures no rule recognises', () => {
  const log = (service: string, port: number) =>
    [
      `2026-11-20T10:01:00.0000000Z ##[group]Run ./scripts/integration.sh`,
      `2026-11-20T10:01:01.0000000Z ##[endgroup]`,
      `2026-11-20T10:01:03.0000000Z waiting for ${service} on port ${port}`,
      `2026-11-20T10:01:05.0000000Z giving up on ${service}`,
      `2026-11-20T10:01:06.0000000Z ##[error]Process completed with exit code 3.`
    ].join('\n')

  it('are told apart by what the step printed before its generic ending', () => {
    expect(triageText(log('postgres', 5432)).fingerprint).not.toBe(triageText(log('redis', 5432)).fingerprint)
  })

  it('stay stable when only numbers change', () => {
    expect(triageText(log('postgres', 5432)).fingerprint).toBe(triageText(log('postgres', 6543)).fingerprint)
  })

  it('never consist of the generic ending alone', () => {
    expect(triageText(log('postgres', 5432)).signature).not.toContain('process completed with exit code 0.')
  })
})
