import { describe, expect, it } from '@jest/globals'
import {
  capText,
  codeSpan,
  escapeMarkdownInline,
  escapeSlack,
  markdownFence,
  newStopCommandsToken,
  safeLinkUrl,
  slackCodeBlock,
  stopCommands,
  stripUnsafe
} from '../../src/notify/escape.js'
import { commandsTheRunnerWouldRun } from './helpers.ts'

const ONE_MB_LINE = 'A<@b>&`'.repeat(150_000)

describe('stripUnsafe', () => {
  it('removes colour codes, OSC 8 links and OSC 52 clipboard writes', () => {
    expect(stripUnsafe('\u001b[31;1mred\u001b[0m plain')).toBe('red plain')
    expect(stripUnsafe('\u001b]8;;https://evil.example\u0007click me\u001b]8;;\u0007')).toBe('click me')
    expect(stripUnsafe('before\u001b]52;c;ZXZpbA==\u001b\\after')).toBe('beforeafter')
    expect(stripUnsafe('\u009b31mC1 CSI')).toBe('31mC1 CSI')
  })

  it('removes bidi overrides, zero-width and tag characters and C0/C1 controls', () => {
    expect(stripUnsafe('a\u202Eevil\u202C b\u2066x\u2069')).toBe('aevil bx')
    expect(stripUnsafe('zero\u200Bwidth\uFEFF')).toBe('zerowidth')
    expect(stripUnsafe('tag\u{E0041}\u{E007F}s')).toBe('tags')
    expect(stripUnsafe('nul\u0000bell\u0007del\u007F')).toBe('nulbelldel')
    expect(stripUnsafe('tab\tkept')).toBe('tab\tkept')
  })

  it('turns every line break the runner honours into \\n', () => {
    expect(stripUnsafe('a\r\nb\rc\u0085d\u2028e\u2029f')).toBe('a\nb\nc\nd\ne\nf')
  })

  it('removes lone surrogates and keeps real pairs', () => {
    expect(stripUnsafe('ok 😀 bad \ud800 end')).toBe('ok 😀 bad  end')
  })
})

describe('capText', () => {
  it('keeps short text and never splits a surrogate pair', () => {
    expect(capText('short', 10)).toBe('short')
    const capped = capText('ab😀😀😀', 4)
    expect(capped.length).toBeLessThanOrEqual(4)
    expect(capped.endsWith('…')).toBe(true)
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(capped)).toBe(false)
  })
})

describe('escapeMarkdownInline', () => {
  it('leaves no HTML: comments, tags and entities become text', () => {
    const out = escapeMarkdownInline('<!-- hidden instructions --><img src=x onerror=alert(1)>&copy;')
    expect(out).not.toMatch(/[<>]/)
    expect(out).toContain('&lt;\\!\\-\\- hidden instructions \\-\\-&gt;')
    expect(out).toContain('&amp;copy;')
  })

  it('neutralises @user and @org/team mentions', () => {
    const out = escapeMarkdownInline('ping @octocat and @github/security-team')
    expect(out).not.toMatch(/@[A-Za-z0-9]/)
    expect(out).toContain('@&#8203;octocat')
    expect(out).toContain('@&#8203;github/security\\-team')
  })

  it('escapes links, emphasis, table pipes and code spans', () => {
    const out = escapeMarkdownInline('[click](https://evil.example) **bold** a|b `code` ![img](x)')
    expect(out).toBe('\\[click\\]\\(https://evil\\.example\\) \\*\\*bold\\*\\* a\\|b \\`code\\` \\!\\[img\\]\\(x\\)')
  })

  it('stays on one line and within the cap, even for a 1 MB line', () => {
    expect(escapeMarkdownInline('one\ntwo\r\nthree\u2028four')).toBe('one two three four')
    const out = escapeMarkdownInline(ONE_MB_LINE, 300)
    // Escaping expands characters; the visible text is what was capped.
    expect(out.length).toBeLessThan(300 * 6)
    expect(out.endsWith('…')).toBe(true)
  })
})

describe('markdownFence', () => {
  it('uses a fence longer than any backtick run, so the content cannot close it', () => {
    const lines = ['normal', '```', '````` still inside', 'end ``````` end']
    const block = markdownFence(lines, { info: 'text' }).split('\n')
    const fence = block[0]!.replace(/text$/, '')
    expect(fence).toBe('`'.repeat(8))
    expect(block.at(-1)).toBe(fence)
    // Nothing between the fences starts with a run as long as the fence.
    for (const line of block.slice(1, -1)) expect(line.trimStart().startsWith(fence)).toBe(false)
    expect(block).toHaveLength(lines.length + 2)
  })

  it('keeps each input line on one output line and strips escape sequences', () => {
    const block = markdownFence(['a\rb', '\u001b[31mred\u001b[0m', 'x\u2028y']).split('\n')
    expect(block.slice(1, -1)).toEqual(['a b', 'red', 'x y'])
  })
})

describe('escapeSlack', () => {
  it('makes <!channel>, <@U1>, <https://x|y> and & literal', () => {
    const out = escapeSlack('<!channel> <!here|here> <@U0123> <https://evil.example|click> & more', 500)
    expect(out).toBe('&lt;!channel&gt; &lt;!here|here&gt; &lt;@U0123&gt; &lt;https://evil.example|click&gt; &amp; more')
  })

  it('breaks bare @here, @channel and @everyone', () => {
    const out = escapeSlack('hey @here and @channel and @Everyone', 500)
    expect(out).not.toMatch(/@(here|channel|everyone)/i)
    expect(out.replace(/\u2060/g, '')).toBe('hey @here and @channel and @Everyone')
  })

  it('breaks triple backticks so the text cannot open or close a code block', () => {
    const out = escapeSlack('a ``` b ```````` c', 500)
    expect(out).not.toContain('```')
    expect(out.replace(/\u2060/g, '')).toBe('a ``` b ```````` c')
  })

  it('caps after escaping without cutting an entity in half', () => {
    const out = escapeSlack('&'.repeat(5000), 3000)
    expect(out.length).toBeLessThanOrEqual(3000)
    expect(out.endsWith('…')).toBe(true)
    expect(out.slice(0, -1)).toMatch(/^(&amp;)+$/)
  })

  it('handles a 1 MB line within the cap', () => {
    const out = escapeSlack(ONE_MB_LINE, 3000)
    expect(out.length).toBeLessThanOrEqual(3000)
    expect(out).not.toMatch(/[<>]/)
  })
})

describe('slackCodeBlock', () => {
  it('fits the budget, escapes each line and counts the lines it dropped', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `${i}: <b>error</b> ${'x'.repeat(40)}`)
    const block = slackCodeBlock(lines, 3000)
    expect(block.length).toBeLessThanOrEqual(3000)
    expect(block.startsWith('```\n')).toBe(true)
    expect(block.endsWith('\n```')).toBe(true)
    expect(block).not.toMatch(/<b>/)
    expect(block).toMatch(/… \d+ more lines\n```$/)
    // Exactly two fences: the content cannot add a third.
    expect(slackCodeBlock(['``` escape attempt ```'], 200).match(/```/g)).toHaveLength(2)
  })
})

describe('safeLinkUrl', () => {
  it('accepts http(s) URLs and refuses other schemes and credentials', () => {
    expect(safeLinkUrl('https://github.com/o/r/actions/runs/1')).toBe('https://github.com/o/r/actions/runs/1')
    expect(safeLinkUrl('javascript:alert(1)')).toBeNull()
    expect(safeLinkUrl('data:text/html,<b>x</b>')).toBeNull()
    expect(safeLinkUrl('https://user:secret@example.com/')).toBeNull()
    expect(safeLinkUrl('not a url')).toBeNull()
    expect(safeLinkUrl(null)).toBeNull()
  })

  it('encodes characters that would end a Slack or Markdown link', () => {
    expect(safeLinkUrl('https://example.com/a|b?q=<x>')).toBe('https://example.com/a%7Cb?q=%3Cx%3E')
    expect(safeLinkUrl('https://example.com/)![x](https://evil.example/pixel.png')).toBe('https://example.com/%29![x]%28https://evil.example/pixel.png')
  })
})

describe('stopCommands', () => {
  const hostile = [
    '::add-mask::ghs_notreallyasecret',
    'progress\r::error::forged error',
    'text\u0085::warning::forged warning',
    'x\u2028::set-output name=a::b',
    '   ::stop-commands::attacker-token',
    '::attacker-token::',
    '::group::forged group'
  ]

  it('makes the runner run none of the commands in the lines', () => {
    const token = newStopCommandsToken()
    const output = stopCommands(hostile, token)
    expect(commandsTheRunnerWouldRun(hostile.join('\n'))).not.toEqual([])
    expect(commandsTheRunnerWouldRun(output)).toEqual([])
    const lines = output.split('\n')
    expect(lines[0]).toBe(`::stop-commands::${token}`)
    expect(lines.at(-1)).toBe(`::${token}::`)
    expect(lines).toHaveLength(hostile.length + 2)
    expect(output).not.toMatch(/[\r\u0085\u2028\u2029]/)
  })

  it('removes the token from the lines, even when removal would re-form it', () => {
    const token = newStopCommandsToken()
    const half = Math.floor(token.length / 2)
    const nested = `::${token.slice(0, half)}${token}${token.slice(half)}::`
    const output = stopCommands([`::${token}::`, nested, '::error::after resume?'], token)
    expect(output.split('\n').filter((line) => line.includes(token))).toHaveLength(2)
    expect(commandsTheRunnerWouldRun(output)).toEqual([])
  })

  it('generates unguessable, distinct tokens and refuses weak ones', () => {
    const a = newStopCommandsToken()
    const b = newStopCommandsToken()
    expect(a).not.toBe(b)
    expect(a).toMatch(/^ci-monitor-[0-9a-f]{32}$/)
    expect(() => stopCommands(['x'], 'short')).toThrow(/token/)
    expect(() => stopCommands(['x'], 'has spaces in the token')).toThrow(/token/)
  })
})

describe('codeSpan', () => {
  it('shows a name literally on one line, with a delimiter longer than any backtick run inside', () => {
    expect(codeSpan('actions/checkout')).toBe('`actions/checkout`')
    expect(codeSpan('a ``b`` c')).toBe('```a ``b`` c```')
    expect(codeSpan('`edge`')).toBe('`` `edge` ``')
    expect(codeSpan('two\nlines\u202e')).toBe('`two lines`')
  })
})
