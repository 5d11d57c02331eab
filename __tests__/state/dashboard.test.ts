import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { renderDashboard } from '../../src/state/dashboard/index.js'
import { loadStateDir, type LoadedState } from '../../src/state/load.js'
import { computeAllWindows, computeMetrics, parseDashboardData, type Metrics } from '../../src/state/metrics.js'
import { FAILURES, HOSTILE_BRANCH, NOW, REPOSITORY, writeHistory } from '../fixtures/state/history.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
// The flags that keep Chromium quiet on a machine without a network (see shared/STYLE.md).
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

let stateDir: string
let loaded: LoadedState
let windows: Metrics[]

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'ci-monitor-dashboard-state-'))
  writeHistory(stateDir)
  loaded = await loadStateDir(stateDir)
  windows = computeAllWindows(loaded.documents, { now: NOW, repository: REPOSITORY })
})

afterAll(() => rmSync(stateDir, { recursive: true, force: true }))

const render = (repository: string | null = REPOSITORY) => renderDashboard(windows, { repository, sources: loaded.summary })

describe('the dashboard page', () => {
  it('shows untrusted text as text: no markup from a summary or a branch name survives', () => {
    const html = render()['index.html']
    expect(html).not.toMatch(/<img/i)
    expect(html).not.toContain('<i>x</i>')
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;')
    expect(html).toContain('feat/&#60;i&#62;x&#60;/i&#62;')
  })

  it('ships no script and allows only its own stylesheet, by hash', () => {
    const html = render()['index.html']
    expect(html).not.toMatch(/<script/i)
    // No event-handler attribute in any tag (the hostile summary's `onerror=` is escaped text).
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i)
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; img-src data:; base-uri 'none'; form-action 'none'$/)
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`)
    expect(html.match(/<style>/g)).toHaveLength(1)
    expect(html).not.toMatch(/\sstyle="/)
  })

  it('links only to GitHub pages built from the repository and numeric ids', () => {
    const html = render()['index.html']
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!)
    expect(hrefs).toContain('https://github.com/acme/shop/actions/runs/1043')
    expect(hrefs).toContain('https://github.com/acme/shop/pull/41')
    for (const href of hrefs) expect(href === 'data:,' || href === 'data.json' || href.startsWith('https://github.com/acme/shop/')).toBe(true)
    // A repository name that is not one drops the links instead of building odd ones.
    const odd = renderDashboard(windows, { repository: 'acme/shop"><x' })['index.html']
    expect(odd).not.toContain('https://github.com/')
    expect(odd).toContain('acme/shop&#34;&#62;&#60;x')
    expect(renderDashboard(windows, { repository: REPOSITORY, serverUrl: 'http://github.example' })['index.html']).not.toContain('http://github.example')
  })

  it('writes the figures beside the page, readable back', () => {
    const data = render()['data.json']
    expect(parseDashboardData(data)).toEqual(windows)
    expect(JSON.parse(data)).toMatchObject({ kind: 'dashboard-data', repository: REPOSITORY, sources: { skipped: { 'approval-request': 1 } } })
  })

  it('renders an empty branch without failing', () => {
    const empty = computeMetrics({ runs: [], runRecoveries: [], fingerprints: [], recoveries: [], fixPulls: [] }, { now: NOW, windowDays: 7 })
    const html = renderDashboard([empty], { repository: REPOSITORY })['index.html']
    expect(html).toContain('No failures in this window.')
    expect(html).toContain('id="w7" checked')
  })
})

const chromiumMissing = !existsSync(CHROMIUM)
if (chromiumMissing) {
  console.warn(`Skipping the headless Chromium dashboard test: no browser at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`)
}
// .ci/run sets this once it has installed Chromium: there, a missing browser is a failure, not a skip.
if (chromiumMissing && process.env['CI_MONITOR_REQUIRE_CHROMIUM'] === '1') {
  it('has the browser .ci/run installed', () => {
    expect({ chromium: CHROMIUM, exists: false }).toEqual({ chromium: CHROMIUM, exists: true })
  })
}

;(chromiumMissing ? describe.skip : describe)('the dashboard in headless Chromium', () => {
  let browser: Browser
  let pageDir: string

  beforeAll(async () => {
    pageDir = mkdtempSync(join(tmpdir(), 'ci-monitor-dashboard-'))
    const files = render()
    writeFileSync(join(pageDir, 'index.html'), files['index.html'])
    writeFileSync(join(pageDir, 'data.json'), files['data.json'])
    // launch() gives every browser a fresh temporary profile (user-data-dir).
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  })

  afterAll(async () => {
    await browser?.close()
    rmSync(pageDir, { recursive: true, force: true })
  })

  it('renders the charts from file:// with no console error and no request beyond the page', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
    const problems: string[] = []
    const requests: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`)
      void dialog.dismiss()
    })
    page.on('request', (request) => requests.push(request.url()))
    const url = pathToFileURL(join(pageDir, 'index.html')).href
    await page.goto(url)

    const month = windows.find((m) => m.window.days === 30)!
    const shown = page.locator('#window-30')
    expect(await shown.isVisible()).toBe(true)
    // The stylesheet applied (allowed by its hash): the other windows are hidden.
    expect(await page.locator('#window-7').isVisible()).toBe(false)

    // One bar segment per day and category with failures.
    const segments = month.daily.reduce((sum, p) => sum + Object.values(p.by_category).filter((v) => v > 0).length, 0)
    expect(segments).toBeGreaterThan(0)
    expect(await shown.locator('[data-chart="failures-by-category"] svg rect.bar').count()).toBe(segments)
    const recoveryDays = month.daily.filter((p) => p.median_recovery_seconds !== null).length
    expect(await shown.locator('[data-chart="recovery"] svg rect.bar').count()).toBe(recoveryDays)
    expect(await shown.locator('[data-chart="rates"] svg polyline.line').count()).toBeGreaterThan(0)
    expect(await shown.locator('[data-chart="rates"] svg circle.point').count()).toBeGreaterThan(0)
    for (const chart of await shown.locator('figure.chart svg.chart-svg').all()) {
      const box = await chart.boundingBox()
      expect(box!.width).toBeGreaterThan(300)
      expect(box!.height).toBeGreaterThan(80)
    }

    // The top fingerprints, hostile summary shown as plain text.
    expect(await shown.locator('table.top tbody tr').count()).toBe(month.top_fingerprints.length)
    const hostileRow = shown.locator(`tr[data-fingerprint="${FAILURES.typeError.fingerprint}"]`)
    expect(await hostileRow.locator('td.summary').textContent()).toContain('<img src=x onerror=alert(1)>')
    expect(await hostileRow.textContent()).toContain(HOSTILE_BRANCH)
    expect(await page.locator('img').count()).toBe(0)
    expect(await page.locator('i').count()).toBe(0)
    expect(await shown.locator('[data-figure="auto_fixed"] .value').textContent()).toBe('50%')

    // The window tabs work without script.
    await page.locator('label[for="w7"]').click()
    expect(await page.locator('#window-7').isVisible()).toBe(true)
    expect(await shown.isVisible()).toBe(false)
    await page.locator('label[for="w30"]').click()

    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true })
    await page.screenshot({ path: join(ROOT, 'test-artifacts', 'dashboard.png'), fullPage: true })
    await page.close()

    expect(problems).toEqual([])
    expect(requests).toEqual([url])
  })
})
