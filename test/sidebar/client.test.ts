// The sidebar's RPC client and form logic: requests checked, replies validated, errors in plain words.

import { applyTable, blockedMetrics, explain, initialState, isAvailable, tableKind, joinSource, reportSpec, splitSource, type Table } from '../../sidebar/app';
import { createClient, RpcError, type ScriptRunner } from '../../sidebar/rpc';

/** A google.script.run double: answers each call with `reply(method, arg)`, or fails with `failure`. */
function fakeRunner(reply: (method: string, arg: unknown) => unknown, failure?: unknown): { runner: ScriptRunner; sent: unknown[] } {
  const sent: unknown[] = [];
  const make = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): ScriptRunner => new Proxy({} as ScriptRunner, {
    get: (_t, name: string) => {
      if (name === 'withSuccessHandler') return (f: (v: unknown) => void) => make(f, fail);
      if (name === 'withFailureHandler') return (f: (e: unknown) => void) => make(ok, f);
      return (arg: unknown) => {
        sent.push(arg);
        setTimeout(() => (failure !== undefined ? fail?.(failure) : ok?.(reply(name, arg))), 0);
      };
    },
  });
  return { runner: make(), sent };
}

const table: Table = {
  source: { sheetId: 3, sheetName: 'Surveys', range: 'A1:F1001', hasHeader: true },
  rows: 1000,
  columns: [
    { index: 0, letter: 'A', header: 'Date', type: 'date', samples: ['2025-01-02'] },
    { index: 3, letter: 'D', header: 'NPS score', type: 'number', samples: ['9'] },
    { index: 4, letter: 'E', header: 'CSAT', type: 'number', samples: ['4'] },
  ],
  mapping: { date: 0, score: 3 },
  kind: 'surveys',
  notes: [],
  metrics: [
    { name: 'NPS', category: 'Surveys', label: 'Net Promoter Score', summary: 'NPS', format: 'points', needs: [['score']], trendNeeds: ['date'], available: true, ofKind: true, kinds: ['surveys'] },
    { name: 'CSAT', category: 'Surveys', label: 'Customer satisfaction', summary: 'CSAT', format: 'fraction', needs: [['satisfaction']], trendNeeds: ['date'], available: false, ofKind: true, kinds: ['surveys'] },
  ],
};

describe('the RPC client', () => {
  it('sends the request as plain JSON and resolves with the validated data', async () => {
    const { runner, sent } = fakeRunner(() => ({ ok: true, data: { language: 'cs', locale: 'cs_CZ', timeZone: 'Europe/Prague' } }));
    await expect(createClient(() => runner).call('getLocale', {})).resolves.toEqual({ language: 'cs', locale: 'cs_CZ', timeZone: 'Europe/Prague' });
    expect(sent).toEqual([{}]);
  });

  it('rejects a reply that does not fit the contract', async () => {
    const { runner } = fakeRunner(() => ({ ok: true, data: { language: 'de' } }));
    await expect(createClient(() => runner).call('getLocale', {})).rejects.toMatchObject({ key: 'unexpectedReply' });
  });

  it('turns an error envelope into an RpcError with its key and params', async () => {
    const { runner } = fakeRunner(() => ({ ok: false, error: { key: 'lockTimeout', params: {}, message: 'busy' } }));
    const error = await createClient(() => runner).call('refreshAll', {}).catch((e) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect(explain(initialState('pl'), error)).toBe('Ktoś inny tworzy właśnie podsumowanie w tym pliku. Spróbuj ponownie za chwilę.');
  });

  it('refuses to send a request the contract rejects', async () => {
    const { runner, sent } = fakeRunner(() => ({ ok: true, data: {} }));
    await expect(createClient(() => runner).call('selectRange', { sheetId: 1, ranges: [] })).rejects.toMatchObject({ key: 'badRequest' });
    expect(sent).toEqual([]);
  });

  it('reports a transport failure in plain words', async () => {
    const { runner } = fakeRunner(() => undefined, new Error('ScriptError: Authorization is required'));
    const error = await createClient(() => runner).call('listSheets', {}).catch((e) => e);
    expect(explain(initialState('en'), error)).toBe('The spreadsheet could not do that: ScriptError: Authorization is required');
  });

  it('fails clearly outside Apps Script', async () => {
    await expect(createClient(() => undefined).call('listSheets', {})).rejects.toMatchObject({ key: 'server' });
  });
});

describe('the form', () => {
  it('offers a metric when every role of one alternative is mapped', () => {
    const state = { ...initialState('en'), table, mapping: { score: 3 } };
    expect(isAvailable(table.metrics[0], state)).toBe(true);
    expect(isAvailable(table.metrics[1], state)).toBe(false);
    expect(isAvailable({ ...table.metrics[1], needs: [['satisfaction'], ['score', 'date']] }, { ...state, mapping: { score: 3, date: 0 } })).toBe(true);
  });

  it('shows the reason instead of a checkbox while the columns a metric failed on stay mapped', () => {
    const failing = { ...table.metrics[0], available: false, reason: 'NPS: 3 values are not scores from 0 to 10 (first: 11 in row 2 of scores)' };
    const state = { ...initialState('en'), table: { ...table, metrics: [failing] }, mapping: { ...table.mapping } };
    expect(isAvailable(failing, state)).toBe(false);
    expect(blockedMetrics(state)).toEqual([{ metric: failing, reason: failing.reason }]);
    state.mapping = { ...table.mapping, score: 4 };
    expect(isAvailable(failing, state)).toBe(true);
    expect(blockedMetrics(state)).toEqual([]);
  });

  it('ticks only the metrics of the detected kind', () => {
    const other = { ...table.metrics[0], name: 'APV', label: 'Average purchase value', ofKind: false, kinds: ['orders' as const] };
    const interval = { ...table.metrics[0], name: 'NPS_CI', label: 'NPS confidence interval' };
    const state = initialState('en');
    applyTable(state, { ...table, metrics: [table.metrics[0], interval, other] });
    expect([...state.selected]).toEqual(['NPS', 'NPS_CI']);
  });

  it('finds the kind again when a column is remapped, and ticks nothing while two kinds tie', () => {
    const other = { ...table.metrics[0], name: 'APV', label: 'Average purchase value', ofKind: false, kinds: ['orders' as const], needs: [['amount' as const]] };
    const state = initialState('en');
    applyTable(state, { ...table, metrics: [table.metrics[0], other] });
    expect(tableKind(state)).toBe('surveys');
    state.mapping = { ...state.mapping, amount: 5 };
    expect(tableKind(state)).toBeNull();
    delete state.mapping.score;
    expect(tableKind(state)).toBe('orders');
  });

  it('splits and joins the header row and data range', () => {
    expect(splitSource('B3:F200', true)).toEqual({ headerRow: 3, dataRange: 'B4:F200' });
    expect(joinSource('3', 'B4:F500')).toEqual({ range: 'B3:F500' });
    expect(joinSource('0', 'B4:F500')).toEqual({ error: 'error.badHeaderRow' });
    expect(joinSource('3', 'nonsense')).toEqual({ error: 'error.badRange' });
    // A header row below the data range says so, with the row just above the data (issue 11).
    expect(joinSource('5000', 'A2:F1001')).toEqual({ error: 'error.headerBelowRange', values: { row: 5000, range: 'A2:F1001', above: 1 } });
  });

  it('builds the report spec: offered metrics only, percent goals as fractions, no segment when none is chosen', () => {
    const state = initialState('en');
    applyTable(state, table);
    state.selected.add('CSAT');
    state.goals = { NPS: '30' };
    state.grain = 'quarter';
    const made = reportSpec(state);
    expect(made).toEqual({ spec: { title: 'Summary of Surveys', source: table.source, mapping: { date: 0, score: 3 }, metrics: ['NPS'], grain: 'quarter', goals: { NPS: 30 } } });
    state.mapping.satisfaction = 4;
    state.goals.CSAT = '85';
    expect((reportSpec(state) as { spec: { goals: unknown } }).spec.goals).toEqual({ NPS: 30, CSAT: 0.85 });
  });

  it('says what is wrong with the form', () => {
    const state = initialState('en');
    expect(reportSpec(state)).toEqual({ error: 'error.noSource' });
    applyTable(state, table);
    state.goals = { NPS: 'lots' };
    expect(reportSpec(state)).toEqual({ error: 'error.badGoal', values: { metric: table.metrics[0].label, text: 'lots', example: '12.5' } });
    state.goals = { NPS: '20 %' };
    expect(reportSpec(state)).toEqual({ error: 'error.goalNotPercent', values: { metric: table.metrics[0].label, text: '20 %', example: '12.5' } });
    state.goals = {};
    state.from = '2025-06-01';
    state.to = '2025-01-01';
    expect(reportSpec(state)).toEqual({ error: 'error.badDates' });
    state.selected.clear();
    expect(reportSpec(state)).toEqual({ error: 'error.noMetrics' });
  });
});
