import { describe, expect, it } from '@jest/globals'
import { ConfigurationError } from '../../src/context/errors.js'
import { envInputReader, parseInputs, secretInputs } from '../../src/context/inputs.js'

const reader = (inputs: Record<string, string>) =>
  envInputReader(Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])))

describe('parseInputs', () => {
  it('applies the defaults of action.yml', () => {
    const inputs = parseInputs(reader({ 'github-token': 't' }))
    expect(inputs).toMatchObject({
      runId: null,
      configPath: '.github/ci-monitor.yml',
      llmBaseUrl: 'https://openrouter.ai/api/v1',
      llmModel: 'openai/gpt-4o',
      stateBranch: 'ci-monitor-state',
      dryRun: false
    })
  })

  it('reads hyphenated names the way the runner passes them (INPUT_RUN-ID)', () => {
    expect(parseInputs(reader({ 'run-id': '123', 'dry-run': 'TRUE' }))).toMatchObject({ runId: 123, dryRun: true })
  })

  it.each([
    [{ 'run-id': '12a' }, /run-id/],
    [{ 'run-id': '-4' }, /run-id/],
    [{ 'dry-run': 'yes' }, /dry-run/],
    [{ 'state-branch': 'a..b' }, /state-branch/],
    [{ 'config-path': '../secrets.yml' }, /config-path/],
    [{ 'llm-base-url': 'file:///etc/passwd' }, /llm-base-url/]
  ])('rejects %p naming the input', (inputs, message) => {
    expect(() => parseInputs(reader(inputs))).toThrow(ConfigurationError)
    expect(() => parseInputs(reader(inputs))).toThrow(message)
  })

  it('lists every credential for masking', () => {
    const inputs = parseInputs(reader({ 'github-token': 'a', 'fix-token': 'b', 'llm-api-key': 'c', 'slack-bot-token': 'd' }))
    expect(secretInputs(inputs).sort()).toEqual(['a', 'b', 'c', 'd'])
  })
})
