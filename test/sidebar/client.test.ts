// The sidebar's RPC client and form logic: requests checked, replies validated, errors in plain words.

import { applyTable, explain, initialState, isAvailable, joinSource, parseGoal, reportSpec, splitSource, type Table } from '../../sidebar/app';
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
  metrics: [
    { name: 'NPS', category: 'Surveys', summary: 'NPS', format: 'points', needs: [['score']], trendNeeds: ['date'], available: true },
    { name: 'CSAT', category: 'Surveys', summary: 'CSAT', format: 'fraction', needs: [['satisfaction']], trendNeeds: ['date'], available: false },
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
    expect(isAvailable(table.metrics[0], { score: 3 })).toBe(true);
    expect(isAvailable(table.metrics[1], { score: 3 })).toBe(false);
    expect(isAvailable({ ...table.metrics[1], needs: [['satisfaction'], ['score', 'date']] }, { score: 3, date: 0 })).toBe(true);
  });

  it('reads goals with a decimal comma or point', () => {
    expect(parseGoal(' 7,5 ')).toBe(7.5);
    expect(parseGoal('40')).toBe(40);
    expect(parseGoal('')).toBeUndefined();
    expect(parseGoal('abc')).toBeNaN();
  });

  it('splits and joins the header row and data range', () => {
    expect(splitSource('B3:F200', true)).toEqual({ headerRow: 3, dataRange: 'B4:F200' });
    expect(joinSource('3', 'B4:F500')).toEqual({ range: 'B3:F500' });
    expect(joinSource('0', 'B4:F500')).toEqual({ error: 'error.badHeaderRow' });
    expect(joinSource('3', 'nonsense')).toEqual({ error: 'error.badRange' });
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
    expect(reportSpec(state)).toEqual({ error: 'error.badGoal', values: { metric: 'NPS' } });
    state.goals = {};
    state.from = '2025-06-01';
    state.to = '2025-01-01';
    expect(reportSpec(state)).toEqual({ error: 'error.badDates' });
    state.selected.clear();
    expect(reportSpec(state)).toEqual({ error: 'error.noMetrics' });
  });
});
