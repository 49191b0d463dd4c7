import { parse } from 'acorn';
import vm from 'node:vm';
import { FUNCTIONS } from '../../src/functions/catalogue';
import { ENTRY_POINTS } from '../../src/server/publicApi';
import { distFiles, loadBundle } from './loadBundle';

/** The JSDoc block right before `function NAME(`, and the declared parameter names. */
function stubOf(code: string, name: string): { doc: string; params: string[] } | undefined {
  const m = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*function ${name}\\(([^)]*)\\)`).exec(code);
  return m ? { doc: m[1], params: m[2].split(',').map((p) => p.trim()).filter(Boolean) } : undefined;
}

describe('the built bundle', () => {
  const files = distFiles();
  const stubs = files.find((f) => f.name === 'stubs.js')!.code;

  it.each(files.map((f) => [f.name, f.code]))('%s parses as ES2019 script', (_, code) => {
    expect(() => parse(code, { ecmaVersion: 2019, sourceType: 'script' })).not.toThrow();
  });

  it('declares only the table functions, the entry points and the library as globals', () => {
    const context = loadBundle();
    // zod keeps its configuration on globalThis.__zod_globalConfig; the test doubles of Apps Script are ours.
    const globals = Object.keys(vm.runInContext('this', context)).filter((k) => !['SpreadsheetApp', '__zod_globalConfig'].includes(k)).sort();
    expect(globals).toEqual(['CrmMetrics', ...FUNCTIONS.map((f) => f.name), ...ENTRY_POINTS.map((e) => e.name)].sort());
  });

  it.each(FUNCTIONS.map((f) => [f.name, f]))('gives %s a stub whose JSDoc matches the table', (name, f) => {
    const stub = stubOf(stubs, name);
    expect(stub).toBeDefined();
    // A variadic parameter (METRIC_BY's args) is numbered in the stub: arg1 … argN.
    const names = f.params.flatMap((p) => (p.rest ? Array.from({ length: p.rest.max }, (_, k) => `${p.name.replace(/s$/, '')}${k + 1}`) : [p.name]));
    expect(stub!.params).toEqual(names);
    expect(stub!.doc).toContain('@customfunction');
    expect(stub!.doc).toMatch(/@return \S/);
    const documented = [...stub!.doc.matchAll(/@param \{[^}]+\} (\w+) \S/g)].map((m) => m[1]);
    expect(documented).toEqual(names);
    expect(stub!.doc).toContain(f.summary.replace(/\s+/g, ' ').slice(0, 40));
  });

  it.each(ENTRY_POINTS.map((e) => [e.name]))('gives the entry point %s a top-level stub', (name) => {
    expect(stubOf(stubs, name)).toBeDefined();
  });

  it.each(FUNCTIONS.flatMap((f) => f.examples.map((e, k) => [`${f.name} example ${k + 1}`, f.name, e] as const)))(
    'runs %s through its global stub with Sheets-shaped arguments', (_, name, example) => {
      const context = loadBundle();
      const result = (context[name] as (...a: unknown[]) => unknown)(...example.args);
      expect(JSON.stringify(result, (k, v) => (typeof v === 'number' ? Number(v.toFixed(example.digits ?? 6)) : v)))
        .toBe(JSON.stringify(example.result, (k, v) => (typeof v === 'number' ? Number(v.toFixed(example.digits ?? 6)) : v)));
    });

  it('passes errors out as Error objects whose message starts with the function name', () => {
    const context = loadBundle();
    let thrown: unknown;
    try {
      (context.NPS as (s: unknown) => unknown)([[10], ['abc'], ['']]);
    } catch (e) {
      thrown = e;
    }
    expect((thrown as Error).message).toBe('NPS: 1 value is not scores from 0 to 10 (first: "abc" in row 2 of scores)');
    expect(thrown instanceof (vm.runInContext('Error', context) as ErrorConstructor)).toBe(true);
  });

  it('buckets Date cells in the spreadsheet time zone, not the script zone', () => {
    const context = loadBundle('Pacific/Auckland');
    // Sheets passes 1 March (in Auckland) as the instant of midnight there: 28 February 11:00 UTC.
    const firstOfMarch = new Date('2025-03-01T00:00:00+13:00');
    const lastOfFebruary = new Date('2025-02-28T00:00:00+13:00');
    const series = (context.NPS as (...a: unknown[]) => unknown)([[10], [0]], 'month', [[firstOfMarch], [lastOfFebruary]]);
    expect(series).toEqual([['period', 'NPS', 'responses'], ['2025-02', -100, 1], ['2025-03', 100, 1]]);
  });

  it('adds the add-on menu on open', () => {
    const log: string[] = [];
    const context = loadBundle('UTC', log);
    (context.onOpen as (e: unknown) => void)({ authMode: 'NONE' });
    expect(log).toContain('menu:added');
  });
});
