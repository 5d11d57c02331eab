/**
 * Charts as inline SVG, drawn when the page is rendered: nothing to run in the browser, so the
 * page needs no script at all. Only presentation attributes (no `style=`), so the page's
 * Content-Security-Policy can stay strict. Labels passed in must already be HTML-escaped.
 */
import { escapeHtml } from './html.js'

const WIDTH = 720
const HEIGHT = 220
const MARGIN = { top: 12, right: 12, bottom: 26, left: 44 }
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom
const AXIS = '#8c959f'
const GRID = '#d8dee4'
const TEXT = '#57606a'

export interface Series {
  /** Escaped label for legends and tooltips. */
  label: string
  color: string
  values: readonly (number | null)[]
}

interface Frame {
  dates: readonly string[]
  max: number
  /** Tick label for a value on the y axis. */
  tick: (value: number) => string
  ariaLabel: string
}

const n = (value: number) => (Math.round(value * 10) / 10).toString()

/** A round axis maximum and step: 1, 2 or 5 times a power of ten, about four steps. */
function scale(max: number): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 1 }
  const rough = max / 4
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power
  return { top: Math.ceil(max / step - 1e-9) * step, step }
}

function band(dates: readonly string[]): number {
  return PLOT_W / Math.max(1, dates.length)
}

const x = (index: number, dates: readonly string[]) => MARGIN.left + index * band(dates)
const y = (value: number, top: number) => MARGIN.top + PLOT_H - (value / top) * PLOT_H

/** Axes, grid lines and labels; returns the SVG's opening, the drawing goes between. */
function frame(f: Frame, top: number, step: number): string {
  const parts = [
    `<svg class="chart-svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-label="${escapeHtml(f.ariaLabel)}" xmlns="http://www.w3.org/2000/svg">`
  ]
  for (let value = 0; value <= top + 1e-9; value += step) {
    const yy = n(y(value, top))
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${yy}" y2="${yy}" stroke="${value === 0 ? AXIS : GRID}" stroke-width="1"/>`)
    parts.push(`<text x="${MARGIN.left - 6}" y="${n(y(value, top) + 4)}" text-anchor="end" font-size="11" fill="${TEXT}">${escapeHtml(f.tick(value))}</text>`)
  }
  // About seven date labels, whatever the window.
  const every = Math.max(1, Math.ceil(f.dates.length / 7))
  f.dates.forEach((date, index) => {
    if (index % every !== 0) return
    parts.push(`<text x="${n(x(index, f.dates) + band(f.dates) / 2)}" y="${HEIGHT - 8}" text-anchor="middle" font-size="11" fill="${TEXT}">${escapeHtml(date.slice(5))}</text>`)
  })
  return parts.join('')
}

/** Bars per day, stacked by series (bottom first). */
export function stackedBarChart(f: Omit<Frame, 'max'> & { series: readonly Series[]; unit: (value: number) => string }): string {
  const totals = f.dates.map((_, i) => f.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0))
  const { top, step } = scale(Math.max(0, ...totals))
  const width = Math.max(1, band(f.dates) * 0.8)
  const bars: string[] = []
  f.dates.forEach((date, i) => {
    let base = 0
    for (const s of f.series) {
      const value = s.values[i] ?? 0
      if (value <= 0) continue
      const y0 = y(base, top)
      const y1 = y(base + value, top)
      bars.push(
        `<rect class="bar" x="${n(x(i, f.dates) + (band(f.dates) - width) / 2)}" y="${n(y1)}" width="${n(width)}" height="${n(y0 - y1)}" fill="${s.color}"><title>${escapeHtml(date)} · ${s.label}: ${escapeHtml(f.unit(value))}</title></rect>`
      )
      base += value
    }
  })
  return `${frame({ ...f, max: top }, top, step)}${bars.join('')}</svg>`
}

/** One bar per day with a value, and an optional dashed reference line (e.g. the window's median). */
export function barChart(
  f: Omit<Frame, 'max'> & { values: readonly (number | null)[]; color: string; label: (date: string, value: number) => string; reference?: { value: number; label: string } | null }
): string {
  const present = f.values.filter((v): v is number => v !== null)
  const { top, step } = scale(Math.max(0, ...present, f.reference?.value ?? 0))
  const width = Math.max(1, band(f.dates) * 0.8)
  const bars = f.values.map((value, i) => {
    if (value === null) return ''
    const y1 = y(value, top)
    // A zero still shows as a sliver, so "recovered at once" is visible.
    const height = Math.max(1, y(0, top) - y1)
    return `<rect class="bar" x="${n(x(i, f.dates) + (band(f.dates) - width) / 2)}" y="${n(y(0, top) - height)}" width="${n(width)}" height="${n(height)}" fill="${f.color}"><title>${escapeHtml(f.label(f.dates[i]!, value))}</title></rect>`
  })
  let reference = ''
  if (f.reference) {
    const yy = n(y(f.reference.value, top))
    reference = `<line class="reference" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${yy}" y2="${yy}" stroke="${TEXT}" stroke-dasharray="4 3" stroke-width="1"><title>${escapeHtml(f.reference.label)}</title></line>`
  }
  return `${frame({ ...f, max: top }, top, step)}${bars.join('')}${reference}</svg>`
}

/** Lines from 0 to `max`, broken where a day has no value, with a dot per value. */
export function lineChart(f: Frame & { series: readonly Series[]; label: (date: string, series: Series, value: number) => string }): string {
  const { top, step } = scale(f.max)
  const parts: string[] = []
  for (const s of f.series) {
    let run: string[] = []
    const flush = () => {
      if (run.length > 1) parts.push(`<polyline class="line" points="${run.join(' ')}" fill="none" stroke="${s.color}" stroke-width="2"/>`)
      run = []
    }
    s.values.forEach((value, i) => {
      if (value === null) return flush()
      const cx = n(x(i, f.dates) + band(f.dates) / 2)
      const cy = n(y(value, top))
      run.push(`${cx},${cy}`)
      parts.push(`<circle class="point" cx="${cx}" cy="${cy}" r="3" fill="${s.color}"><title>${escapeHtml(f.label(f.dates[i]!, s, value))}</title></circle>`)
    })
    flush()
  }
  return `${frame(f, top, step)}${parts.join('')}</svg>`
}
