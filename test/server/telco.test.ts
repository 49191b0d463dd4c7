// A real customer table (test/fixtures/telco): detection, checks and a summary on 7,043 rows.

import { findFunction } from '../../src/functions/catalogue';
import fs from 'node:fs';
import { fixturePath } from '../fixtures/fixtures';
import { rpcHandlers } from '../../src/server/rpc/handlers';
import { InMemoryWorkbook } from '../../src/server/sheets/inMemory';
import type { CellValue } from '../../src/server/sheets/workbook';
import { NOW } from './helpers';

const file = fixturePath('telco', 'Telco-Customer-Churn.csv');

/** The CSV as Sheets would hold it after an import: numbers as numbers, the rest as text. */
function readCsv(text: string): CellValue[][] {
  return text.trim().split(/\r?\n/).map((line) => line.split(',').map((c) => (c !== '' && c.trim() !== '' && !Number.isNaN(Number(c)) ? Number(c) : c)));
}

describe('the Telco customer table', () => {
  const values = readCsv(fs.readFileSync(file, 'utf8'));
  const wb = new InMemoryWorkbook([{ name: 'Telco', values }]);
  const rpc = rpcHandlers(wb, { now: () => NOW });

  it('maps the customer id, the churn status and the contract segment, and offers CHURN', () => {
    const got = rpc.detectTable({ sheetId: 0 });
    if (!got.ok) throw new Error(got.error.message);
    const { mapping, source, rows, metrics } = got.data;
    expect(source.range).toBe('A1:U7044');
    expect(rows).toBe(7043);
    const header = (i: number | undefined) => (i === undefined ? undefined : got.data.columns[i].header);
    expect(header(mapping.customer)).toBe('customerID');
    expect(header(mapping.churnStatus)).toBe('Churn');
    expect(header(mapping.segment)).toBe('Contract');
    expect(metrics.find((m) => m.name === 'CHURN')?.available).toBe(true);

    const built = rpc.buildSummary({ spec: { title: 'Telco churn', source, mapping, metrics: ['CHURN'], grain: 'month' } });
    if (!built.ok) throw new Error(built.error.message);
    const tab = wb.sheetById(built.data.sheetId)!;
    const churn = tab.values.find((r) => r && r[0] === findFunction('CHURN')!.labels.en.name)!;
    expect(churn[1]).toBeCloseTo(1869 / 7043, 12);
    const bySegment = tab.values.find((r) => r && r[0] === 'Month-to-month')!;
    expect(bySegment[1]).toBeCloseTo(1655 / 3875, 12);
  });

  it('reports the check on the detected mapping: no duplicates, no broken numbers', () => {
    const detected = rpc.detectTable({ sheetId: 0 });
    if (!detected.ok) throw new Error(detected.error.message);
    const got = rpc.checkData({ source: detected.data.source, mapping: detected.data.mapping });
    if (!got.ok) throw new Error(got.error.message);
    expect(got.data.rows).toBe(7043);
    expect(got.data.issues.map((i) => i.kind)).not.toContain('duplicateRows');
  });
});
