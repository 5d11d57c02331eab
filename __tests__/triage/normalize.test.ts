import { describe, expect, it } from '@jest/globals'
import { normalizeLine } from '../../src/triage/normalize.js'

describe('normalizeLine', () => {
  it('removes the runner timestamp and colour codes', () => {
    expect(normalizeLine('2024-01-01T00:00:00.0000000Z \x1b[31mError:\x1b[0m boom').text).toBe('Error: boom')
  })

  it('removes OSC hyperlinks and other escape sequences, keeping the visible text', () => {
    const line = 'see \x1b]8;;https://example.com\x07the docs\x1b]8;;\x07 and \x1b]52;c;ZXZpbA==\x07\x1b[2K\x1b(B done'
    expect(normalizeLine(line).text).toBe('see the docs and  done')
  })

  it('turns runner markers into a marker and keeps the message', () => {
    expect(normalizeLine('2024-01-01T00:00:00.0000000Z ##[error]Process completed with exit code 1.')).toEqual({
      text: 'Process completed with exit code 1.',
      marker: 'error',
      step: null
    })
    expect(normalizeLine('##[group]Run npm test').marker).toBe('group')
    expect(normalizeLine('##[endgroup]').marker).toBe('endgroup')
  })

  it('reads workflow commands: annotations keep their location, masks and tokens never show', () => {
    expect(normalizeLine('::error file=src/a.ts,line=10,col=5::Type X is not assignable')).toEqual({
      text: 'src/a.ts:10:5: Type X is not assignable',
      marker: 'error',
      step: null
    })
    expect(normalizeLine('  ::add-mask::s3cr3t-value').text).toBe('[redacted:add-mask]')
    expect(normalizeLine('::stop-commands::pause-token-123').text).toBe('[workflow command: stop-commands]')
    // Not a workflow command the runner knows: left as text.
    expect(normalizeLine('::std::error::Error').text).toBe('::std::error::Error')
  })

  it('keeps what a progress bar showed last', () => {
    expect(normalizeLine('Downloading 10%\rDownloading 50%\rDownloading 100%').text).toBe('Downloading 100%')
    expect(normalizeLine('done\r').text).toBe('done')
  })

  it('removes bidi controls, zero-width and tag characters that can hide text', () => {
    const hidden = 'ab\u202ecd\u200bef\u2066gh\u{e0041}ij'
    expect(normalizeLine(hidden).text).toBe('abcdefghij')
  })

  it('replaces other control characters, C1 ones such as NEL included', () => {
    expect(normalizeLine('a\u0000b\u0085c\u0007d').text).toBe('a\ufffdb\ufffdc\ufffdd')
  })

  it('reads the step name of `gh run view --log` lines', () => {
    const line = 'build\tRun tests\t2024-01-01T00:00:00.0000000Z ##[error]boom'
    expect(normalizeLine(line)).toEqual({ text: 'boom', marker: 'error', step: 'Run tests' })
  })
})
