import { describe, expect, it } from '@jest/globals'
import { confidenceText, historySentence } from '../../src/notify/format.js'

describe('confidenceText', () => {
  it('says plainly when a verdict is below the floor for automatic action', () => {
    expect(confidenceText(0.92)).toBe('92%')
    expect(confidenceText(0.5)).toBe('50%')
    expect(confidenceText(0.2)).toBe('20%, low: treat it as a hint')
    expect(confidenceText(Number.NaN)).toBe('unknown')
  })
})

describe('historySentence', () => {
  it('tells first occurrences, repeats and flakiness apart', () => {
    expect(historySentence({ seen: 0, firstSeen: null, flakyPasses: 0 })).toBe('First time seen.')
    expect(historySentence({ seen: 1, firstSeen: '2026-11-02T10:00:00Z', flakyPasses: 0 })).toBe('Seen 1 time before since 2026-11-02.')
    expect(historySentence({ seen: 4, firstSeen: '2026-11-02T10:00:00Z', flakyPasses: 2 })).toBe(
      'Seen 4 times before since 2026-11-02. Flaky: the same commit failed this way and passed on a re-run 2 times.'
    )
  })
})
