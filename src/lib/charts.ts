/**
 * Chart geometry for server-rendered SVG: numbers in, positions out. The view
 * (views/partials/insights/chart.eta) draws them and escapes every label, so nothing here
 * builds markup. Every chart also carries its data as rows, for the table beside it (screen
 * readers and anyone who wants the numbers).
 */

export interface Series {
  name: string;
  /** One per label; null where there is no figure (drawn as a gap, listed as "–"). */
  values: (number | null)[];
}

export interface ChartInput {
  id: string;
  title: string;
  /** One sentence saying what the chart shows, read out by screen readers. */
  summary: string;
  labels: string[];
  series: Series[];
  /** `percent`: values are 0–100 and the axis ends at 100. */
  unit?: 'count' | 'percent' | 'minutes';
  kind: 'bars' | 'stacked' | 'line' | 'hbars';
}

export interface Chart extends ChartInput {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
  bars: { x: number; y: number; w: number; h: number; series: number; tip: string }[];
  lines: { series: number; d: string; points: { x: number; y: number; tip: string }[] }[];
  /** hbars: each row's label at its bar. */
  rowLabels: { y: number; label: string }[];
  empty: boolean;
}

const W = 640;
const H = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };
const HBAR_ROW = 26;
const HBAR_LABEL = 260;

/** A round axis end at or above `max`: 1, 2 or 5 times a power of ten. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * power >= max) return m * power;
  return 10 * power;
}

/** An axis end for whole things (conversations, minutes): at least 4, so every tick is whole. */
function wholeMax(max: number): number {
  return Math.max(4, niceMax(max));
}

/** Evenly spaced whole ticks from 0 to `max` (a nice number): quarters when they are whole, else fifths. */
export function ticks(max: number): number[] {
  const parts = max % 4 === 0 ? 4 : 5;
  return Array.from({ length: parts + 1 }, (_, i) => (max / parts) * i);
}

export function formatValue(v: number | null, unit: ChartInput['unit'] = 'count'): string {
  if (v === null) return '–';
  if (unit === 'percent') return `${Math.round(v)}%`;
  if (unit === 'minutes') return v < 90 ? `${Math.round(v)} min` : `${(v / 60).toFixed(1)} h`;
  return String(Math.round(v * 10) / 10);
}

export function chart(input: ChartInput): Chart {
  if (input.kind === 'hbars') return horizontal(input);
  const plot = { left: PAD.left, top: PAD.top, right: W - PAD.right, bottom: H - PAD.bottom };
  const n = Math.max(input.labels.length, 1);
  const step = (plot.right - plot.left) / n;
  const totals = input.labels.map((_, i) => (input.kind === 'stacked' ? input.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0) : Math.max(0, ...input.series.map((s) => s.values[i] ?? 0))));
  const max = input.unit === 'percent' ? 100 : wholeMax(Math.max(0, ...totals));
  const y = (v: number) => plot.bottom - (v / max) * (plot.bottom - plot.top);
  const yTicks = ticks(max).map((v) => ({ y: y(v), label: formatValue(v, input.unit) }));
  // At most about ten labels along the axis, evenly spaced.
  const every = Math.ceil(n / 10);
  const xTicks = input.labels.flatMap((label, i) => (i % every === 0 ? [{ x: plot.left + step * (i + 0.5), label }] : []));
  const bars: Chart['bars'] = [];
  const lines: Chart['lines'] = [];
  const tip = (s: Series, i: number) => `${input.labels[i]}: ${s.name} ${formatValue(s.values[i] ?? null, input.unit)}`;
  if (input.kind === 'line') {
    input.series.forEach((s, si) => {
      const points = s.values.flatMap((v, i) => (v === null ? [] : [{ x: plot.left + step * (i + 0.5), y: y(v), tip: tip(s, i), i }]));
      // A gap (no figure) breaks the line rather than drawing through it.
      const d = points.map((p, k) => `${k && points[k - 1]!.i === p.i - 1 ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
      lines.push({ series: si, d, points: points.map(({ x, y: py, tip: t }) => ({ x, y: py, tip: t })) });
    });
  } else {
    const groupWidth = Math.max(2, step * 0.7);
    input.labels.forEach((_, i) => {
      let base = 0;
      input.series.forEach((s, si) => {
        const v = s.values[i] ?? 0;
        if (!v) return;
        const stacked = input.kind === 'stacked';
        const w = stacked ? groupWidth : groupWidth / input.series.length;
        const x = plot.left + step * i + (step - groupWidth) / 2 + (stacked ? 0 : w * si);
        const top = y(stacked ? base + v : v);
        bars.push({ x, y: top, w, h: y(stacked ? base : 0) - top, series: si, tip: tip(s, i) });
        if (stacked) base += v;
      });
    });
  }
  const empty = input.series.every((s) => s.values.every((v) => !v));
  return { ...input, width: W, height: H, plot, yTicks, xTicks, bars, lines, rowLabels: [], empty };
}

/** One bar per label, labels at the left (long labels such as topics). */
function horizontal(input: ChartInput): Chart {
  const height = PAD.top + PAD.bottom + HBAR_ROW * Math.max(input.labels.length, 1);
  const plot = { left: HBAR_LABEL, top: PAD.top, right: W - 48, bottom: height - PAD.bottom };
  const values = input.series[0]?.values ?? [];
  const max = wholeMax(Math.max(0, ...values.map((v) => v ?? 0)));
  const x = (v: number) => plot.left + (v / max) * (plot.right - plot.left);
  const bars = values.flatMap((v, i) => (v ? [{ x: plot.left, y: plot.top + HBAR_ROW * i + 4, w: x(v) - plot.left, h: HBAR_ROW - 8, series: 0, tip: `${input.labels[i]}: ${formatValue(v, input.unit)}` }] : []));
  const rowLabels = input.labels.map((label, i) => ({ y: plot.top + HBAR_ROW * i + HBAR_ROW / 2 + 4, label: label.length > 42 ? `${label.slice(0, 41)}…` : label }));
  const xTicks = ticks(max).map((v) => ({ x: x(v), label: formatValue(v, input.unit) }));
  return { ...input, width: W, height, plot, yTicks: [], xTicks, bars, lines: [], rowLabels, empty: !values.some((v) => v) };
}
