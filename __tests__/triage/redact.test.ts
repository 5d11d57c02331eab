import { describe, expect, it } from '@jest/globals'
import { clip, redact, type RedactionCounts } from '../../src/triage/redact.js'

// Fake credentials are assembled here rather than written out, so no scanner mistakes this file
// for a leak; each has the shape of the real thing.
const fake = {
  github: 'gh' + 'p_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
  githubFineGrained: 'github_' + 'pat_' + '11ABCDEFG0' + 'x'.repeat(72),
  aws: 'AK' + 'IA' + 'IOSFODNN7EXAMPLE',
  slackToken: 'xo' + 'xb-' + '123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
  slackWebhook: 'https://hooks.slack.com/' + 'services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
  jwt: 'ey' + 'JhbGciOiJIUzI1NiJ9.' + 'ey' + 'JzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  openai: 's' + 'k-proj-' + 'abcdefghijklmnopqrstuvwxyz012345',
  anthropic: 's' + 'k-ant-api03-' + 'abcdefghijklmnopqrstuvwxyz0123456789',
  npm: 'np' + 'm_' + 'abcdefghijklmnopqrstuvwxyz0123456789',
  pem: ['-----BEGIN RSA ', 'PRIVATE KEY-----', 'MIIEowIBAAKCAQEAx', '-----END RSA ', 'PRIVATE KEY-----'].join('')
}

describe('redact', () => {
  it.each([
    ['github-token', `token ${fake.github} used`],
    ['github-token', `pat=${fake.githubFineGrained}`],
    ['aws-access-key', `key ${fake.aws} here`],
    ['slack-token', `bot ${fake.slackToken}`],
    ['slack-webhook', `posting to ${fake.slackWebhook}`],
    ['jwt', `session ${fake.jwt}`],
    ['openai-key', `OPENAI ${fake.openai}`],
    ['anthropic-key', `ANTHROPIC ${fake.anthropic}`],
    ['npm-token', `//registry.npmjs.org/:_authToken ${fake.npm}`],
    ['private-key', `key: ${fake.pem}`]
  ])('masks %s', (family, line) => {
    const counts: RedactionCounts = {}
    const out = redact(line, counts)
    expect(out).toContain(`[redacted:${family}]`)
    expect(counts[family]).toBe(1)
    for (const secret of Object.values(fake)) expect(out).not.toContain(secret)
  })

  it('keeps the harmless part of headers, URLs and assignments', () => {
    expect(redact('curl -H "Authorization: Bearer abcdef123456.xyz"')).toBe('curl -H "Authorization: Bearer [redacted:auth-header]"')
    expect(redact('git clone https://deploy:hunter2hunter2@git.example.com/app.git')).toBe(
      'git clone https://[redacted:url-credentials]@git.example.com/app.git'
    )
    expect(redact('DB_PASSWORD=correct-horse-battery')).toBe('DB_PASSWORD=[redacted:assignment]')
    expect(redact('"api_key": "0123456789abcdef"')).toBe('"api_key": "[redacted:assignment]"')
  })

  it('leaves ordinary text and already-masked values alone', () => {
    for (const line of ['Basic configuration loaded', 'token: ***', 'Tests: 1 failed, 2 passed', 'password reset flow works']) {
      expect(redact(line)).toBe(line)
    }
  })

  it('masks a line that is only a long base64 run (the body of a key whose header is out of view)', () => {
    expect(redact('MIIEowIBAAKCAQEAx7vJ0p9yq0C2l3VQ1N2oW6u8v1x6n7Zb8YtqPq4m2r9s0t1u2v3w4x5y6z7A8B9C0D1E2F3G4')).toBe('[redacted:base64-blob]')
  })

  it('runs in linear time on hostile, capped lines', () => {
    const hostile = ['a'.repeat(8192), 'password'.repeat(1024), `${'-'.repeat(4000)}BEGIN PRIVATE KEY${'-'.repeat(4000)}`, 'eyJ'.repeat(2700)]
    for (const line of hostile) {
      const started = performance.now()
      redact(line)
      expect(performance.now() - started).toBeLessThan(200)
    }
  })
})

describe('clip', () => {
  it('keeps the head and the tail of a long line', () => {
    const line = `${'h'.repeat(1000)}MIDDLE${'t'.repeat(1000)} No space left on device`
    const out = clip(line, 200)
    expect(out.length).toBe(200)
    expect(out.startsWith('hhh')).toBe(true)
    expect(out.endsWith('No space left on device')).toBe(true)
    expect(out).toContain(' … ')
  })

  it('masks the fragment at the end of a line that was cut before redaction could see it', () => {
    expect(clip('token is ghp_partialSecretFragm', 500, true)).toBe('token is [cut]')
    expect(clip('short tail ok', 500, true)).toBe('short tail ok')
  })
})
