// Column-role detection from header words in five languages and from value types; metric availability.

import { detectMapping, detectTable, columnType, headerScore } from '../../../src/core/mapping/detect';
import { isAvailable, neededRoles } from '../../../src/core/mapping/inputs';
import { ROLES } from '../../../src/core/mapping/roles';
import { ROLES as CONTRACT_ROLES } from '../../../src/server/rpc/contract';
import { findFunction } from '../../../src/functions/catalogue';
import { detectionCatalogue } from '../../../src/server/summary/offer';
import type { Cell } from '../../../src/core/values';

/** Detection over a header row and data rows. */
function detect(values: Cell[][]) {
  const t = detectTable(values)!;
  const types = t.headers.map((_, i) => columnType(values, i, 1, values.length));
  return detectMapping(values, t, types, detectionCatalogue());
}

function mappingOf(headers: string[], row: Cell[]): Record<string, number> {
  return detect([headers, row, row, row]).mapping;
}

const rowsOf = (headers: string[], ...rows: Cell[][]): Cell[][] => [headers, ...rows];

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
    expect(mappingOf(headers, row)).toEqual({ date: 0, customer: 1, segment: 2, score: 3, amount: 4, dealOutcome: 5, stage: 6 });
  });

  it('prefers the specific date role over "date" and checks the type', () => {
    const values: Cell[][] = [['Start date', 'End date', 'Created', 'Closed', 'Deal ID'], ['2025-01-01', '', '2025-01-02', '2025-02-01', 'D1'], ['2025-01-05', '2025-03-01', '2025-01-03', '', 'D2']];
    expect(detect(values).mapping).toEqual({ start: 0, end: 1, dealCreated: 2, dealClosed: 3, dealId: 4 });
  });

  it('falls back on values when the headers say nothing', () => {
    const values: Cell[][] = [['When', 'Q1', 'Money', 'Type'], ...Array.from({ length: 20 }, (_, i) => [`2025-01-${String(i + 1).padStart(2, '0')}`, i % 11, 100.5 + i, ['Won', 'Lost', 'Open'][i % 3]] as Cell[])];
    const t = detectTable(values)!;
    expect(t.headers.map((_, i) => columnType(values, i, 1, values.length))).toEqual(['date', 'number', 'number', 'text']);
    // Won/lost/open words make it a deals table, where 0..10 numbers are not NPS answers.
    expect(detect(values)).toEqual({ mapping: { date: 0, amount: 2, dealOutcome: 3 }, kind: 'deals', notes: [] });
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
    expect(churn).toEqual([['start', 'end'], ['churnStatus']]);
    expect(isAvailable(churn, (r) => r === 'churnStatus')).toBe(true);
    expect(isAvailable(churn, (r) => r === 'start')).toBe(false);
    expect(neededRoles(findFunction('TRAFFIC_TO_LEAD')!)).toEqual([['leads', 'visitors']]);
    expect(neededRoles(findFunction('CSAT')!)).toEqual([['satisfaction']]);
    expect(neededRoles(findFunction('CLV')!)).toBeNull();
  });
});

describe('roles from values and the kind of table', () => {
  const deal = (outcome: string): Cell[] => ['D1', '2025-01-02', outcome, 1000];
  it('maps won / lost / open words as a deal outcome, never a churn status, whatever the header says', () => {
    const got = detect(rowsOf(['Deal ID', 'Created', 'Status', 'Amount'], deal('Won'), deal('Lost'), deal('Open'), deal('Won')));
    expect(got.mapping).toEqual({ dealId: 0, dealCreated: 1, dealOutcome: 2, amount: 3 });
    expect(got.kind).toBe('deals');
  });

  it('maps active / churned words as a churn status', () => {
    const sub = (status: string): Cell[] => ['C1', 'SMB', status];
    const got = detect(rowsOf(['Customer', 'Segment', 'Status'], sub('Active'), sub('Churned'), sub('Active')));
    expect(got.mapping).toEqual({ customer: 0, segment: 1, churnStatus: 2 });
    expect(got.kind).toBe('subscriptions');
  });

  it('reads a ticket table’s Created and Closed as ticket times, not deal dates', () => {
    const t = (o: string, r: string, c: string): Cell[] => ['T1', o, r, c, 1];
    const got = detect(rowsOf(['Ticket', 'Created', 'First response', 'Closed', 'Contacts'],
      t('2025-01-02 09:00', '2025-01-02 10:00', '2025-01-03 10:00'), t('2025-01-03 09:00', '2025-01-03 09:30', '')));
    expect(got.kind).toBe('tickets');
    expect(got.mapping).toMatchObject({ opened: 1, firstResponse: 2, resolved: 3, contacts: 4 });
  });

  it('reads a lead table’s statuses and dates as a lead’s', () => {
    const l = (s: string): Cell[] => ['L1', '2025-01-02 09:00', s, '2025-01-02 11:00'];
    const got = detect(rowsOf(['Lead ID', 'Created', 'Lead status', 'First response'], l('New'), l('Qualified'), l('Converted'), l('Disqualified')));
    expect(got.kind).toBe('leads');
    expect(got.mapping).toMatchObject({ leadCreated: 1, leadStatus: 2, leadResponded: 3 });
  });

  it('reads Czech deal headers', () => {
    const d = (v: string): Cell[] => ['2025-01-02', 'Klient A', v, 1200, '2025-02-01'];
    const got = detect(rowsOf(['Vytvořeno', 'Zákazník', 'Výsledek', 'Částka', 'Uzavřeno'], d('Won'), d('Lost'), d('Open')));
    expect(got.kind).toBe('deals');
    expect(got.mapping).toEqual({ dealCreated: 0, customer: 1, dealOutcome: 2, amount: 3, dealClosed: 4 });
  });

  it('leaves a column whose header names a role but whose values do not fit it unmapped, and says why', () => {
    const c = (tier: string): Cell[] => ['C1', tier, '2025-01-01', ''];
    const got = detect(rowsOf(['Customer', 'Status', 'Start date', 'End date'], c('Gold'), c('Silver'), c('Gold')));
    expect(got.mapping.churnStatus).toBeUndefined();
    expect(got.notes).toContainEqual({ column: 1, role: 'churnStatus', values: ['gold', 'silver'] });
  });
});
