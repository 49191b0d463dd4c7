// Column-role detection from header words in five languages and from value types; metric availability.

import { detectMapping, detectTable, columnType, headerScore } from '../../../src/core/mapping/detect';
import { isAvailable, neededRoles } from '../../../src/core/mapping/inputs';
import { ROLES } from '../../../src/core/mapping/roles';
import { ROLES as CONTRACT_ROLES } from '../../../src/server/rpc/contract';
import { findFunction } from '../../../src/functions/catalogue';
import type { Cell } from '../../../src/core/values';

function mappingOf(headers: string[], row: Cell[]): Record<string, number> {
  const values: Cell[][] = [headers, row, row, row];
  const t = detectTable(values)!;
  const types = headers.map((_, i) => columnType(values, i, 1, 4));
  return detectMapping(values, t, types);
}

const row: Cell[] = [new Date(Date.UTC(2025, 2, 1)), 'C001', 'SMB', 9, 1200.5, 'Won', 'Proposal'];

describe('column mapping', () => {
  it('keeps the same role list as the RPC contract', () => {
    expect([...ROLES]).toEqual([...CONTRACT_ROLES]);
  });

  it.each([
    ['English', ['Date', 'Customer', 'Segment', 'NPS score', 'Amount', 'Outcome', 'Stage']],
    ['Czech', ['Datum', 'Zákazník', 'Segment', 'Hodnocení', 'Částka', 'Výsledek', 'Fáze']],
    ['Polish', ['Data', 'Klient', 'Segment', 'Ocena', 'Kwota', 'Wynik', 'Etap']],
    ['Russian', ['Дата', 'Клиент', 'Сегмент', 'Оценка', 'Сумма', 'Статус', 'Этап']],
    ['Thai', ['วันที่', 'ลูกค้า', 'กลุ่ม', 'คะแนน', 'จำนวนเงิน', 'สถานะ', 'ขั้นตอน']],
  ])('reads %s headers', (_language, headers) => {
    expect(mappingOf(headers, row)).toEqual({ date: 0, customer: 1, segment: 2, score: 3, amount: 4, status: 5, stage: 6 });
  });

  it('prefers the specific date role over "date" and checks the type', () => {
    const values: Cell[][] = [['Start date', 'End date', 'Created', 'Closed', 'Deal ID'], ['2025-01-01', '', '2025-01-02', '2025-02-01', 'D1'], ['2025-01-05', '2025-03-01', '2025-01-03', '', 'D2']];
    const t = detectTable(values)!;
    const types = t.headers.map((_, i) => columnType(values, i, 1, 3));
    expect(detectMapping(values, t, types)).toEqual({ start: 0, end: 1, created: 2, closed: 3, dealId: 4 });
  });

  it('falls back on values when the headers say nothing', () => {
    const values: Cell[][] = [['When', 'Q1', 'Money', 'Type'], ...Array.from({ length: 20 }, (_, i) => [`2025-01-${String(i + 1).padStart(2, '0')}`, i % 11, 100.5 + i, ['Won', 'Lost', 'Open'][i % 3]] as Cell[])];
    const t = detectTable(values)!;
    const types = t.headers.map((_, i) => columnType(values, i, 1, values.length));
    expect(types).toEqual(['date', 'number', 'number', 'text']);
    expect(detectMapping(values, t, types)).toEqual({ date: 0, score: 1, amount: 2, status: 3 });
  });

  it('finds the header row below a title and the data below it', () => {
    const values: Cell[][] = [['Export 2025', '', ''], ['', '', ''], ['', 'Date', 'Score'], ['', '2025-01-01', 9], ['', '2025-01-02', 7], ['', '', '']];
    expect(detectTable(values)).toEqual({ top: 2, left: 1, width: 2, hasHeader: true, headers: ['Date', 'Score'], rows: 2 });
  });

  it('matches short words only as whole words', () => {
    expect(headerScore('Doporučení', 'end')).toBe(0);
    expect(headerScore('Platné do', 'end')).toBeGreaterThan(0);
  });

  it('offers a metric only when every role of one alternative is mapped', () => {
    const churn = neededRoles(findFunction('CHURN')!)!;
    expect(churn).toEqual([['start', 'end'], ['status']]);
    expect(isAvailable(churn, (r) => r === 'status')).toBe(true);
    expect(isAvailable(churn, (r) => r === 'start')).toBe(false);
    expect(neededRoles(findFunction('TRAFFIC_TO_LEAD')!)).toBeNull();
    expect(neededRoles(findFunction('CSAT')!)).toEqual([['satisfaction']]);
  });
});
