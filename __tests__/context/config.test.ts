import { describe, expect, it } from '@jest/globals'
import { DEFAULT_CONFIG, configJsonSchema, parseConfig } from '../../src/context/config.js'
import { ConfigurationError } from '../../src/context/errors.js'

describe('parseConfig', () => {
  it('gives the documented defaults for an empty file', () => {
    expect(parseConfig('', '.github/ci-monitor.yml')).toEqual(DEFAULT_CONFIG)
    expect(DEFAULT_CONFIG.risk_threshold).toBe(5)
    expect(DEFAULT_CONFIG.approval_timeout_hours).toBe(24)
    expect(DEFAULT_CONFIG.allowed_paths).toEqual(['.github/workflows/**'])
  })

  it('reads YAML with comments and fills the rest with defaults', () => {
    const config = parseConfig(
      ['# team settings', 'risk_threshold: 3', 'protected_repositories: [acme/payments, "acme/*-infra"]', 'slack_channels:', '  alerts: "#ci"'].join('\n'),
      '.github/ci-monitor.yml'
    )
    expect(config.risk_threshold).toBe(3)
    expect(config.protected_repositories).toEqual(['acme/payments', 'acme/*-infra'])
    expect(config.slack_channels.alerts).toBe('#ci')
    expect(config.allowed_paths).toEqual(['.github/workflows/**'])
  })

  it('accepts JSON', () => {
    expect(parseConfig('{"risk_threshold": 7}', '.github/ci-monitor.json').risk_threshold).toBe(7)
  })

  it.each([
    ['risk_threshold: 12', 'risk_threshold'],
    ['risk_threshold: high', 'risk_threshold'],
    ['slack_channels: { alert: "#ci" }', 'slack_channels'],
    ['allowed_paths: ["../etc/passwd"]', 'allowed_paths.0'],
    ['protected_repositories: [justaname]', 'protected_repositories.0'],
    ['unknown_option: 1', 'unknown_option']
  ])('names the field of a mistake: %s', (text, field) => {
    const attempt = (): unknown => parseConfig(text, '.github/ci-monitor.yml')
    expect(attempt).toThrow(ConfigurationError)
    expect(attempt).toThrow(new RegExp(`Invalid configuration in \\.github/ci-monitor\\.yml: .*${field.replace('.', '\\.')}`))
  })

  it('reports broken YAML without a stack of parser internals', () => {
    expect(() => parseConfig('risk_threshold: [1,', '.github/ci-monitor.yml')).toThrow(/not valid YAML/)
  })

  it('documents every option in the generated JSON schema', () => {
    const schema = configJsonSchema() as { properties: Record<string, { description?: string }> }
    for (const key of Object.keys(DEFAULT_CONFIG)) {
      expect(schema.properties[key]?.description).toBeTruthy()
    }
  })
})
