/**
 * The dashboard's one stylesheet, inlined, and the Content-Security-Policy that allows exactly it
 * (by hash) and nothing else: no script, no fetch, no frame, no font or image from anywhere but
 * `data:` (the empty favicon). The window tabs are radio buttons and CSS, not script.
 */
import { createHash } from 'node:crypto'
import { WINDOWS } from '../metrics.js'

const tabRules = WINDOWS.map((days) => `#w${days}:checked ~ main #window-${days}`).join(',\n')
const activeTabRules = WINDOWS.map((days) => `#w${days}:checked ~ nav label[for="w${days}"]`).join(',\n')
const focusRules = WINDOWS.map((days) => `#w${days}:focus-visible ~ nav label[for="w${days}"]`).join(',\n')

export const STYLESHEET = `
:root { color-scheme: light; }
body { margin: 0; font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; background: #f6f8fa; }
header, nav, main, footer { max-width: 1000px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 20px; }
h1 { font-size: 22px; margin: 0 0 2px; }
h2 { font-size: 16px; margin: 24px 0 8px; }
a { color: #0969da; }
.muted { color: #57606a; }
.tab { position: absolute; opacity: 0; width: 1px; height: 1px; }
nav { display: flex; gap: 8px; margin-top: 16px; margin-bottom: 8px; }
nav label { padding: 5px 14px; border: 1px solid #d0d7de; border-radius: 6px; background: #fff; cursor: pointer; }
${activeTabRules} { background: #0969da; border-color: #0969da; color: #fff; }
${focusRules} { outline: 2px solid #0969da; outline-offset: 2px; }
.window { display: none; }
${tabRules} { display: block; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; margin: 12px 0; }
.tile { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 10px 12px; }
.tile .label { color: #57606a; font-size: 12px; text-transform: uppercase; letter-spacing: 0.03em; }
.tile .value { font-size: 24px; font-weight: 600; }
.tile .detail { color: #57606a; font-size: 12px; }
figure.chart { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; margin: 16px 0; padding: 12px; }
figcaption { font-weight: 600; margin-bottom: 6px; }
.legend { list-style: none; padding: 0; margin: 6px 0 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; }
.legend svg { vertical-align: -1px; margin-right: 4px; }
.empty { color: #57606a; font-style: italic; margin: 6px 0 0; }
.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid #d0d7de; border-radius: 8px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #d8dee4; vertical-align: top; }
th { font-size: 12px; color: #57606a; font-weight: 600; }
.num { text-align: right; white-space: nowrap; }
.summary { max-width: 360px; overflow-wrap: anywhere; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 16px; }
footer { padding-bottom: 32px; font-size: 12px; color: #57606a; }
footer dt { font-weight: 600; color: #1f2328; }
footer dd { margin: 0 0 6px; }
`

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLESHEET, 'utf8').digest('base64')}'`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'"
].join('; ')
