// Function table entry for the customer health score (METRIC_BY, the generic segmenter, lives in ../metricBy.ts).

import { positionOf } from '../../core/columns';
import { MetricError, messages } from '../../core/errors';
import { healthScores } from '../../core/metrics/health';
import { coerceText, isBlank, type Cell } from '../../core/values';
import { rows } from '../examples';
import { numbers, optional } from '../params';
import { asRange } from '../ranges';
import { defineFunction, type Param } from '../spec';

const HIGHER = new Set(['higher', 'higher is better', 'high', 'up', 'more', 'max', '+', '1']);
const LOWER = new Set(['lower', 'lower is better', 'low', 'down', 'less', 'min', '-', '-1']);

/** One direction per signal column: 0 where higher is healthier (also a blank cell), 1 where lower is. */
function directionsParam(): Param<'directions', Uint8Array> {
  return {
    name: 'directions', type: 'range', optional: false,
    description: 'One cell per signal column: "higher" (higher is better, the default for a blank cell) or "lower" (lower is better).',
    coerce(raw, call) {
      const range = asRange(raw);
      const cells: Cell[] = range.flat();
      const col = { param: 'directions', rows: range.length, columns: range.length ? range[0].length : 0 };
      const out = new Uint8Array(cells.length);
      let bad = 0;
      let first = -1;
      cells.forEach((cell, i) => {
        if (isBlank(cell)) return;
        const text = coerceText(cell);
        const word = text.ok ? text.value.toLowerCase() : '';
        if (LOWER.has(word)) out[i] = 1;
        else if (!HIGHER.has(word) && bad++ === 0) first = i;
      });
      if (bad) throw new MetricError(messages.badCells(call.fn, bad, '"higher" or "lower"', cells[first], call.toCivil, positionOf(col, first)));
      return out;
    },
  };
}

export const HEALTH_SCORE = defineFunction({
  name: 'HEALTH_SCORE',
  category: 'Health and segments',
  summary: 'Customer health score 0–100 per row, from signal columns scaled over their range and weighted.',
  labels: {
    en: { name: 'Customer health score', summary: 'Each customer’s health from 0 to 100: a weighted mean of scaled signal columns.' },
    cs: { name: 'Skóre zdraví zákazníka', summary: 'Zdraví každého zákazníka od 0 do 100 jako vážený průměr škálovaných signálů.' },
    pl: { name: 'Wskaźnik kondycji klienta', summary: 'Kondycja każdego klienta od 0 do 100 jako średnia ważona przeskalowanych sygnałów.' },
    ru: { name: 'Индекс здоровья клиента', summary: 'Здоровье каждого клиента от 0 до 100 — взвешенное среднее нормированных сигналов.' },
    th: { name: 'คะแนนสุขภาพลูกค้า', summary: 'สุขภาพของลูกค้าแต่ละรายจาก 0 ถึง 100 เป็นค่าเฉลี่ยถ่วงน้ำหนักของสัญญาณที่ปรับสเกลแล้ว' },
  },
  definition: 'Each signal cell is scaled to (value − column minimum) ÷ (column maximum − column minimum), or 1 minus that where the ' +
    'direction is "lower". A row’s score is the weighted mean of its scaled cells × 100. A blank cell is left out of its row’s mean (the ' +
    'other weights are renormalised); a column holding a single value cannot tell customers apart and is left out; a row with nothing ' +
    'left to score is blank.',
  format: 'points',
  direction: 'higher', chart: 'none', kinds: [],
  inputs: {},
  returns: 'One score (0–100) per row of signals, spilled down.',
  params: [
    // Its shape matters (a column per signal), so METRIC_BY must not pass a one-column slice as a row.
    { ...numbers('signals', 'The signals table, one row per customer, one column per signal (usage, NPS, tickets …).', { noun: 'numbers' }), cellwise: false },
    numbers('weights', 'One weight per signal column (a row or a column of numbers, 0 or more).', { noun: 'weights', min: 0 }),
    optional(directionsParam()),
  ],
  examples: [{
    args: [rows([10, 2], [20, 0], [30, 1]), rows([3, 1]), rows(['higher', 'lower'])],
    result: [[0], [62.5], [87.5]],
    note: 'usage (weight 3, higher is better) and open tickets (weight 1, lower is better)',
  }],
  compute: ({ signals, weights, directions }, call) => {
    const columns = signals.columns;
    const given = weights.values.filter((w) => w === w).length;
    if (given !== columns || weights.values.length !== columns) throw new MetricError(messages.weightsPerColumn(call.fn, given, columns));
    if (directions && directions.length !== columns) throw new MetricError(messages.directionsPerColumn(call.fn, directions.length, columns));
    if (!weights.values.some((w) => w > 0)) throw new MetricError(messages.zeroWeights(call.fn));
    const { scores, used } = healthScores({
      values: signals.values, rows: signals.rows, columns, weights: weights.values, lowerIsBetter: directions ?? new Uint8Array(columns),
    });
    if (!used.some((u) => u === 1)) throw new MetricError(messages.nothingVaries(call.fn));
    const spill: (number | string)[][] = new Array(scores.length);
    for (let r = 0; r < scores.length; r++) spill[r] = [scores[r] === scores[r] ? scores[r] : ''];
    return spill;
  },
});
