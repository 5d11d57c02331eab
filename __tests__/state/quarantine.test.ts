import { describe, expect, it } from '@jest/globals'
import { quarantinePath } from '../../src/state/quarantine.js'

describe('quarantine', () => {
  it('names a kept-aside document by its content: the same text once, another text beside it', () => {
    const a = quarantinePath('fingerprints/abcdef01.json', '{ broken')
    expect(a).toMatch(/^quarantine\/fingerprints\/abcdef01\.[0-9a-f]{12}\.json$/)
    expect(quarantinePath('fingerprints/abcdef01.json', '{ broken')).toBe(a)
    expect(quarantinePath('fingerprints/abcdef01.json', '{ broken too')).not.toBe(a)
  })
})
