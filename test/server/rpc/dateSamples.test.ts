// detectTable's column samples show date cells as the sheet shows them: the day (and time) in the spreadsheet's zone.

import { rpcHandlers } from '../../../src/server/rpc/handlers';
import { InMemoryWorkbook } from '../../../src/server/sheets/inMemory';
import type { CellValue } from '../../../src/server/sheets/workbook';
import { DST_CASES, ZONE_CASES } from '../../core/zoneCases';
import { NOW } from '../helpers';

const DAY = 86_400_000;

/** The samples detectTable shows for each column of a one-sheet workbook in `timeZone`. */
function samples(timeZone: string, values: CellValue[][]): string[][] {
  const wb = new InMemoryWorkbook([{ name: 'Tickets', values }]);
  wb.timeZone = timeZone;
  const got = rpcHandlers(wb, { now: () => NOW }).detectTable({ sheetId: 0 });
  if (!got.ok) throw new Error(got.error.message);
  return got.data.columns.map((c) => c.samples);
}

describe.each(ZONE_CASES)('detectTable in %s', (zone, newYear, dateTime) => {
  it('shows a date cell of 2025-01-01 there as 2025-01-01 and a date-time cell with its local time', () => {
    const day = Date.parse(newYear);
    expect(samples(zone, [
      ['Date', 'Opened', 'Score'],
      [new Date(day), new Date(dateTime), 9],
      [new Date(day + DAY), new Date(Date.parse(dateTime) + 30 * 60_000), 7],
    ])).toEqual([['2025-01-01', '2025-01-02'], ['2025-03-30 01:30', '2025-03-30 02:00'], ['9', '7']]);
  });
});

describe('detectTable on a clock-change day', () => {
  it.each(DST_CASES)('in %s shows %s as %s', (zone, instant, shown) => {
    expect(samples(zone, [['Opened', 'Score'], [new Date(instant), 9], ['', 7]])[0]).toEqual([shown]);
  });
});
