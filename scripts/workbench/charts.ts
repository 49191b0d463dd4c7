// Draws a ChartSpec (the one the summary builder gives Sheets' EmbeddedChartBuilder) as inline SVG, text as text nodes.

import type { ChartSpec } from '../../src/server/sheets/workbook';

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7', '#f07b72'];

type Cell = string | number | boolean | { d: string } | undefined;

/** The chart's data read from the sheet: labels from the domain range, one series per further column. */
export function chartData(spec: ChartSpec, rows: Cell[][]): { labels: string[]; series: { name: string; values: number[] }[] } {
  const [domain, ...rest] = spec.ranges;
  const at = (row: number, column: number): Cell => rows[row - 1]?.[column - 1];
  const text = (v: Cell): string => (v === undefined ? '' : typeof v === 'object' ? v.d.slice(0, 10) : String(v));
  const labels: string[] = [];
  for (let r = domain.row + 1; r < domain.row + domain.rows; r++) labels.push(text(at(r, domain.column)));
  const series = rest.flatMap((range) => Array.from({ length: range.columns }, (_, k) => {
    const column = range.column + k;
    const values: number[] = [];
    for (let r = range.row + 1; r < range.row + range.rows; r++) {
      const v = at(r, column);
      values.push(typeof v === 'number' && Number.isFinite(v) ? v : NaN);
    }
    return { name: text(at(range.row, column)), values };
  }));
  return { labels, series };
}

function node<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

/** A tick as the axis format shows it: percent, or a number with the pattern's quoted prefix or suffix ('$', ' d'). */
export function tickText(v: number, format: string | undefined): string {
  if (format === 'percent' || format?.includes('%')) return `${Math.round(v * 1000) / 10}%`;
  const literal = /'([^']*)'/.exec(format ?? '');
  const before = !!literal && (format as string).indexOf(literal[0]) < (format as string).search(/[#0]/);
  const a = Math.abs(v);
  const n = a >= 1e6 ? `${Math.round(v / 1e5) / 10}M` : a >= 1e4 ? `${Math.round(v / 1e2) / 10}k` : String(Math.round(v * 100) / 100);
  return literal ? (before ? `${literal[1]}${n}` : `${n}${literal[1]}`) : n;
}

/** An SVG picture of the chart; empty values leave gaps. */
export function drawChart(spec: ChartSpec, rows: Cell[][]): SVGSVGElement {
  const { labels, series } = chartData(spec, rows);
  const width = Math.max(240, Math.min(spec.width, 640));
  const height = Math.max(160, Math.min(spec.height, 360));
  const svg = node('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'data-chart-type': spec.type });
  svg.appendChild(node('rect', { x: 0, y: 0, width, height, fill: '#fff', stroke: '#dadce0' }));
  svg.appendChild(node('text', { x: 12, y: 20, 'font-size': 13, 'font-weight': 500, fill: '#202124' }, spec.title));
  const horizontal = spec.type === 'bar' || spec.type === 'stackedBar';
  const stacked = spec.type === 'stackedColumn' || spec.type === 'stackedBar';
  const goals = new Set(spec.goalSeries ?? []);
  const colour = (k: number): string => spec.colours?.[k] ?? COLOURS[k % COLOURS.length];
  const format = spec.axis?.format ?? (spec.percent ? 'percent' : undefined);
  const pad = { left: horizontal ? 90 : 48, right: 12, top: 32, bottom: 40 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const finite = (x: number): number => (Number.isFinite(x) ? x : 0);
  const totals = labels.map((_, i) => series.reduce((s, ser) => s + Math.max(0, finite(ser.values[i])), 0));
  const all = stacked ? totals : series.flatMap((s) => s.values.filter(Number.isFinite));
  // Round ticks (1, 2 or 5 × a power of ten), four or five of them, covering the data and zero — or the axis the spec sets.
  const dataLo = spec.axis ? spec.axis.min : Math.min(0, ...all);
  const dataHi = spec.axis ? Math.max(spec.axis.max, dataLo + 1e-9) : Math.max(0, ...all, dataLo + 1e-9);
  const raw = (dataHi - dataLo) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((x) => x >= raw) ?? raw;
  const lo = Math.floor(dataLo / step) * step;
  const hi = Math.max(lo + step, Math.ceil(dataHi / step) * step);
  const ticks = Math.round((hi - lo) / step);
  const value = (v: number): number => (horizontal ? pad.left + ((v - lo) / (hi - lo)) * plotW : pad.top + plotH - ((v - lo) / (hi - lo)) * plotH);
  // Grid lines and value axis.
  for (let k = 0; k <= ticks; k++) {
    const v = lo + step * k;
    const p = value(v);
    svg.appendChild(horizontal
      ? node('line', { x1: p, x2: p, y1: pad.top, y2: pad.top + plotH, stroke: '#eee' })
      : node('line', { x1: pad.left, x2: pad.left + plotW, y1: p, y2: p, stroke: '#eee' }));
    svg.appendChild(horizontal
      ? node('text', { x: p, y: pad.top + plotH + 14, 'font-size': 10, fill: '#5f6368', 'text-anchor': 'middle' }, tickText(v, format))
      : node('text', { x: pad.left - 6, y: p + 3, 'font-size': 10, fill: '#5f6368', 'text-anchor': 'end' }, tickText(v, format)));
  }
  const n = Math.max(1, labels.length);
  const band = (horizontal ? plotH : plotW) / n;
  const every = Math.ceil(n / (horizontal ? 12 : Math.max(1, Math.floor(plotW / 46))));
  labels.forEach((label, i) => {
    if (i % every) return;
    const c = (horizontal ? pad.top : pad.left) + band * (i + 0.5);
    svg.appendChild(horizontal
      ? node('text', { x: pad.left - 6, y: c + 3, 'font-size': 10, fill: '#5f6368', 'text-anchor': 'end' }, label.slice(0, 14))
      : node('text', { x: c, y: pad.top + plotH + 14, 'font-size': 10, fill: '#5f6368', 'text-anchor': 'middle' }, label.slice(0, 10)));
  });
  const lineSeries = series.map((s, k) => ({ s, k })).filter(({ k }) => spec.type === 'line' || goals.has(k));
  const barSeries = series.map((s, k) => ({ s, k })).filter(({ k }) => spec.type !== 'line' && !goals.has(k));
  lineSeries.forEach(({ s, k }) => {
    let d = '';
    s.values.forEach((v, i) => {
      if (!Number.isFinite(v)) return;
      const x = pad.left + band * (i + 0.5);
      d += `${d && Number.isFinite(s.values[i - 1]) ? 'L' : 'M'}${x.toFixed(1)},${value(v).toFixed(1)}`;
      if (!goals.has(k)) svg.appendChild(node('circle', { cx: x, cy: value(v), r: 2.5, fill: colour(k) }));
    });
    svg.appendChild(node('path', { d, fill: 'none', stroke: goals.has(k) ? '#5f6368' : colour(k), 'stroke-width': 2, ...(goals.has(k) ? { 'stroke-dasharray': '6 4', 'data-goal': 'true' } : {}) }));
  });
  if (barSeries.length) {
    const groups = stacked ? 1 : Math.max(1, barSeries.length);
    const thick = (band * 0.7) / groups;
    labels.forEach((_, i) => {
      let base = 0;
      barSeries.forEach(({ s }, j) => {
        const k = series.indexOf(s);
        const v = finite(s.values[i]);
        const start = stacked ? base : 0;
        const end = start + v;
        if (stacked) base = end;
        const a = value(Math.min(start, end));
        const b = value(Math.max(start, end));
        const offset = band * (i + 0.15) + (stacked ? 0 : thick * j);
        svg.appendChild(horizontal
          ? node('rect', { x: a, y: pad.top + offset, width: Math.max(0, b - a), height: Math.max(1, thick - 1), fill: colour(k) })
          : node('rect', { x: pad.left + offset, y: b, width: Math.max(1, thick - 1), height: Math.max(0, a - b), fill: colour(k) }));
      });
    });
  }
  // Legend.
  let x = pad.left;
  series.slice(0, 6).forEach((s, k) => {
    svg.appendChild(node('rect', { x, y: height - 14, width: 10, height: 10, fill: goals.has(k) ? '#5f6368' : colour(k) }));
    const label = s.name.slice(0, 22);
    svg.appendChild(node('text', { x: x + 14, y: height - 5, 'font-size': 10, fill: '#202124' }, label));
    x += 24 + label.length * 6;
  });
  return svg;
}
