// Conditional colours as Sheets draws them: the first rule a cell's number meets gives its background and font colour.

import type { ColourRule } from '../../src/server/sheets/workbook';
import type { CellJson } from './model';

export interface RuleColours {
  background: string;
  fontColour?: string;
}

/** Each gradient rule's smallest and largest number in its range: the gradient's two ends. */
export type GradientStats = Map<ColourRule, { min: number; max: number }>;

export function gradientStats(rules: ColourRule[], rows: CellJson[][]): GradientStats {
  const stats: GradientStats = new Map();
  for (const rule of rules) {
    if (rule.when !== 'gradient') continue;
    const nums: number[] = [];
    for (let y = rule.range.row; y < rule.range.row + rule.range.rows; y++) for (let x = rule.range.column; x < rule.range.column + rule.range.columns; x++) {
      const v = rows[y - 1]?.[x - 1];
      if (typeof v === 'number') nums.push(v);
    }
    if (nums.length) stats.set(rule, { min: Math.min(...nums), max: Math.max(...nums) });
  }
  return stats;
}

/** The colours the first rule whose range holds the cell and whose condition its number meets gives it, if any. */
export function ruleColours(rules: ColourRule[], row: number, column: number, value: CellJson, stats: GradientStats): RuleColours | undefined {
  if (typeof value !== 'number') return undefined;
  for (const rule of rules) {
    const r = rule.range;
    if (row < r.row || row >= r.row + r.rows || column < r.column || column >= r.column + r.columns) continue;
    if (rule.when === 'gradient') {
      const s = stats.get(rule);
      return { background: !s || s.max === s.min ? rule.min : mix(rule.min, rule.max, (value - s.min) / (s.max - s.min)) };
    }
    const meets = rule.when === 'between' ? value >= rule.value && value <= rule.to
      : rule.when === 'lessThan' ? value < rule.value : value >= rule.value;
    if (meets) return { background: rule.background, fontColour: rule.fontColour };
  }
  return undefined;
}

function mix(a: string, b: string, t: number): string {
  const p = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  const [x, y] = [p(a), p(b)];
  return `rgb(${x.map((v, i) => Math.round(v + (y[i] - v) * t)).join(',')})`;
}
