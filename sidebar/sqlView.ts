// Copy SQL: the summary query of the current choices in BigQuery's or DuckDB's dialect, shown read-only with a Copy
// button (the clipboard, else the text selected for Ctrl+C), naming the metrics the query leaves out.

import type { ReportSpec } from '../src/server/rpc/contract';
import { reportSpec, type State } from './app';
import { el, option, replaceChildren } from './dom';
import type { MessageKey } from './i18n/catalogue';
import type { RpcClient } from './rpc';
import type { StatusLine } from './status';
import { lastTwelveMonths, type Engine } from './warehouse';

const DIALECTS: { value: Engine; label: string }[] = [{ value: 'bigquery', label: 'BigQuery' }, { value: 'duckdb', label: 'DuckDB' }];

/**
 * The spec the query is written for: the form's, with the last 12 complete months when From and To are both empty.
 * With one of them typed, the other is taken from the typed one (the SQL needs both): a year after From, or the year
 * before To — never a default that would fall before what the user typed.
 */
export function sqlSpec(state: State): { spec: ReportSpec } | { error: string; values?: Record<string, string> } {
  if (!state.from && !state.to) return reportSpec({ ...state, ...lastTwelveMonths(state.timeZone) });
  /** The day `years` years and `days` days from an ISO day (29 February moves on to 1 March). */
  const shift = (day: string, years: number, days: number): string => {
    const [y, m, d] = day.split('-').map(Number);
    return new Date(Date.UTC(y + years, m - 1, d + days)).toISOString().slice(0, 10);
  };
  return reportSpec({ ...state, from: state.from || shift(state.to, -1, 1), to: state.to || shift(state.from, 1, -1) });
}

/** Puts `text` on the clipboard; false when neither the clipboard nor the copy command took it (the text is then selected). */
async function copyText(area: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(area.value);
    return true;
  } catch {
    area.focus();
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

export class SqlView {
  private readonly dialect = el('select', { attrs: { id: 'sql-dialect' } }, ...DIALECTS.map((d) => option(d.value, d.label)));
  private readonly output = el('div', { attrs: { id: 'sql-output' } });
  readonly node: HTMLElement;

  constructor(private readonly state: State, private readonly client: RpcClient, private readonly status: StatusLine) {
    const t = (key: MessageKey): string => state.t(key);
    // The body is hidden, not only folded, while closed: Chromium keeps a closed disclosure's content laid out (offsetParent set).
    const body = el('div', { attrs: { hidden: true } },
      el('p', { class: 'hint' }, t('sql.hint')),
      el('div', { class: 'row' },
        el('label', { class: 'field' }, el('span', { class: 'label' }, t('sql.dialect')), this.dialect),
        el('button', { class: 'btn small', attrs: { id: 'show-sql', type: 'button' }, on: { click: () => this.show() } }, t('sql.show'))),
      this.output);
    const details = el('details', { class: 'card', attrs: { id: 'sql-card' } }, el('summary', {}, t('sql.title')), body);
    details.addEventListener('toggle', () => { body.hidden = !details.open; });
    this.node = details;
  }

  /** Picks the dialect of the engine the table lives on (or this spreadsheet runs). */
  preferDialect(engine: Engine | undefined): void {
    if (engine) this.dialect.value = engine;
  }

  /** Takes away the query shown: it was written for another table. */
  clear(): void {
    replaceChildren(this.output);
  }

  private async show(): Promise<void> {
    const made = sqlSpec(this.state);
    if ('error' in made) return this.status.showError(this.state.t(made.error as MessageKey, made.values));
    const spec = made.spec;
    const dialect = this.dialect.value as Engine;
    const result = await this.status.run(this.state.t('sql.running'), () => this.client.call('summarySql', { spec, dialect }));
    if (!result) return;
    this.status.clear();
    const t = this.state.t;
    const area = el('textarea', { class: 'sql', attrs: { id: 'sql-text', readonly: true, rows: 10, wrap: 'off', spellcheck: 'false', 'aria-label': t('sql.title') } });
    area.value = result.sql;
    const copied = el('p', { class: 'hint', attrs: { 'aria-live': 'polite' } });
    const copy = el('button', { class: 'btn small', attrs: { id: 'copy-sql', type: 'button' } }, t('sql.copy'));
    copy.addEventListener('click', async () => {
      copied.textContent = t((await copyText(area)) ? 'sql.copied' : 'sql.selectToCopy');
    });
    const label = (name: string): string => this.state.table?.metrics.find((m) => m.name === name)?.label ?? name;
    const leftOut = result.leftOut.length
      ? el('div', { class: 'notes', attrs: { id: 'sql-left-out' } }, el('strong', {}, t('sql.leftOut')),
        el('ul', {}, ...result.leftOut.map((l) => el('li', {}, `${label(l.name)}: ${l.reason}`))))
      : null;
    replaceChildren(this.output,
      el('p', { class: 'hint' }, t('sql.range', { from: spec.from ?? '', to: spec.to ?? '' })),
      area, el('div', { class: 'row end' }, copied, copy), leftOut);
  }
}
