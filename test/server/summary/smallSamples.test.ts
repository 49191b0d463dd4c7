// Figures counted on few rows say so: each card shows its count, marked "small sample" under 30, and a segment with no
// row in the headline period is said to have none (not "counts only 0").

import { buildSummary } from '../../../src/server/summary/build';
import { SMALL_SAMPLE } from '../../../src/server/summary/cards';
import { tabText } from '../../../src/server/summary/tabText';
import type { SampleTable } from '../../../src/core/sample/generate';
import { NOW, reportFor, specFor, workbookWith } from '../helpers';

const T = tabText('en');
const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/**
 * Survey answers: segment Big answers 40 times in each of Nov and Dec 2025, Small 3 times in Dec, Gone only in Nov,
 * Quiet 35 times in Dec with an NPS score but no CSAT (so its CSAT has no figure there, though the segment has rows).
 */
function answers(): SampleTable {
  const rows: (string | number | Date)[][] = [];
  for (let k = 0; k < 40; k++) rows.push([day(2025, 11, 1 + (k % 28)), 'Big', k % 11, 4], [day(2025, 12, 1 + (k % 28)), 'Big', 10 - (k % 11), 5]);
  for (let k = 0; k < 3; k++) rows.push([day(2025, 12, 5 + k), 'Small', 9, 4]);
  for (let k = 0; k < 5; k++) rows.push([day(2025, 11, 5 + k), 'Gone', 2, 1]);
  for (let k = 0; k < 35; k++) rows.push([day(2025, 12, 1 + (k % 28)), 'Quiet', 8, '']);
  return { name: 'Answers', headers: ['Date', 'Segment', 'NPS score', 'CSAT'], rows } as unknown as SampleTable;
}

it('shows each card’s count, the small ones marked, and names a segment without rows as such', () => {
  const t = answers();
  const { wb, sheetId } = workbookWith(t);
  const built = buildSummary(wb, { report: reportFor(specFor(t, sheetId, { metrics: ['NPS', 'CSAT'] })), now: NOW });
  const tab = wb.sheetById(built.sheetId)!;

  // The card: its count row says how many answers the December NPS counts (Big 40 + Small 3 + Quiet 35).
  const countRow = tab.values.findIndex((r) => r?.[0] === T.counted);
  expect(countRow).toBeGreaterThan(0);
  expect(tab.values[countRow][1]).toBe(78);
  expect(tab.formats[countRow][1]).toBe('#,##0');

  // Segments: Small counts 3 (a small sample), Gone none in December; Quiet has rows (its CSAT has no figure: said in
  // the segment table's note, not called an empty segment).
  const keys = built.warnings.map((w) => `${w.key}:${w.params.segment}`);
  expect(keys.sort()).toEqual(['emptySegment:Gone', 'smallSample:Small']);
  // The segment table's note says the same, not "small sample … n = 0".
  expect(tab.values.find((r) => r?.[0] === 'Gone')?.at(-1)).toBe(T.noRows);
  expect(built.warnings.find((w) => w.key === 'emptySegment')!.message).toBe('Segment Gone has no rows in the headline period: its figures there are blank.');
});

it('marks a card counted on fewer than 30 rows as a small sample, in its number format (the cell stays a number)', () => {
  const t = answers();
  t.rows = t.rows.filter((r) => r[1] === 'Small' || r[1] === 'Gone');
  const { wb, sheetId } = workbookWith(t);
  const tab = wb.sheetById(buildSummary(wb, { report: reportFor(specFor(t, sheetId, { metrics: ['NPS'] })), now: NOW }).sheetId)!;
  const countRow = tab.values.findIndex((r) => r?.[0] === T.counted);
  expect(tab.values[countRow][1]).toBe(3);
  expect(SMALL_SAMPLE).toBe(30);
  expect(tab.formats[countRow][1]).toBe(`0" · ${T.smallSample}"`);
  expect(tab.styles.some((s) => s.fontColour === '#b06000' && s.ranges.some((r) => r.row === countRow + 1 && r.column === 2))).toBe(true);
});
