// The sidebar's views: source, columns, metrics, options, actions, data check, build status and saved reports.

import type { z } from 'zod/mini';
import { SUMMARY_GRAINS, type BuildResultSchema, type CheckDataResponse, type Role } from '../src/server/rpc/contract';
import {
  applyTable, availableMetrics, explain, joinSource, reportSpec, roleLabel, rolesInOrder, splitSource, translateMessage,
  type State,
} from './app';
import { append, el, option, replaceChildren } from './dom';
import type { MessageKey } from './i18n/catalogue';
import type { RpcClient } from './rpc';

type CheckResult = z.output<typeof CheckDataResponse>;
type BuildResult = z.output<typeof BuildResultSchema>;

/** The sidebar: owns the DOM under `root` and redraws parts of it as the state changes. */
export class Sidebar {
  private readonly parts = {
    sheet: el('select', { attrs: { id: 'sheet', 'aria-label': '' } }),
    headerRow: el('input', { attrs: { id: 'header-row', type: 'number', min: 1, step: 1, inputmode: 'numeric' } }),
    dataRange: el('input', { attrs: { id: 'data-range', type: 'text', spellcheck: 'false', autocomplete: 'off' } }),
    detected: el('p', { class: 'hint', attrs: { id: 'detected' } }),
    columns: el('div', { attrs: { id: 'columns' } }),
    metrics: el('div', { attrs: { id: 'metrics' } }),
    title: el('input', { attrs: { id: 'title', type: 'text', maxlength: 100 } }),
    grain: el('select', { attrs: { id: 'grain' } }),
    from: el('input', { attrs: { id: 'from', type: 'date' } }),
    to: el('input', { attrs: { id: 'to', type: 'date' } }),
    segment: el('select', { attrs: { id: 'segment' } }),
    check: el('button', { class: 'btn', attrs: { id: 'check', type: 'button' } }),
    build: el('button', { class: 'btn primary', attrs: { id: 'build', type: 'button' } }),
    status: el('div', { class: 'status', attrs: { id: 'status', role: 'status' } }),
    checkResult: el('section', { class: 'card', attrs: { id: 'check-result', hidden: true } }),
    reports: el('div', { attrs: { id: 'reports' } }),
  };
  private busy = false;

  constructor(private readonly root: HTMLElement, private readonly state: State, private readonly client: RpcClient) {}

  private t(key: MessageKey, values?: Record<string, string | number>): string {
    return this.state.t(key, values);
  }

  /** Builds the static layout in the user's language, then loads sheets and saved reports. */
  async start(): Promise<void> {
    document.documentElement.lang = this.state.language;
    document.title = this.t('appTitle');
    this.layout();
    // One after the other: run() allows one action at a time.
    await this.loadSheets();
    await this.loadReports();
  }

  private field(label: MessageKey, control: HTMLElement, extra?: HTMLElement): HTMLElement {
    return el('label', { class: 'field' }, el('span', { class: 'label' }, this.t(label)), control, extra);
  }

  private card(id: string, heading: MessageKey, ...children: (HTMLElement | null)[]): HTMLElement {
    return el('section', { class: 'card', attrs: { id: `${id}-card` } }, el('h2', {}, this.t(heading)), ...children);
  }

  private layout(): void {
    const p = this.parts;
    p.check.textContent = this.t('action.check');
    p.build.textContent = this.t('action.build');
    for (const grain of SUMMARY_GRAINS) p.grain.appendChild(option(grain, this.t(`grain.${grain}`), grain === this.state.grain));
    p.title.placeholder = '';
    const detect = el('button', { class: 'btn small', attrs: { id: 'detect', type: 'button' }, on: { click: () => this.redetect() } }, this.t('source.detect'));
    // No heading of its own: Sheets shows the sidebar's title (set by the server) above the frame.
    replaceChildren(this.root,
      this.card('source', 'section.source',
        this.field('source.sheet', p.sheet),
        el('p', { class: 'hint' }, this.t('source.hint')),
        el('div', { class: 'row' }, this.field('source.headerRow', p.headerRow), this.field('source.dataRange', p.dataRange)),
        el('div', { class: 'row end' }, p.detected, detect),
      ),
      this.card('columns', 'section.columns', el('p', { class: 'hint' }, this.t('columns.hint')), p.columns),
      this.card('metrics', 'section.metrics', p.metrics),
      this.card('options', 'section.options',
        this.field('options.title', p.title),
        this.field('options.grain', p.grain),
        el('div', { class: 'row' }, this.field('options.from', p.from), this.field('options.to', p.to)),
        this.field('options.segment', p.segment),
      ),
      el('div', { class: 'actions' }, p.check, p.build),
      p.status,
      p.checkResult,
      this.card('reports', 'section.reports',
        el('div', { class: 'row end' },
          el('button', { class: 'btn small', attrs: { id: 'reload-reports', type: 'button' }, on: { click: () => this.loadReports() } }, this.t('action.reload')),
          el('button', { class: 'btn small', attrs: { id: 'refresh-all', type: 'button' }, on: { click: () => this.refreshAll() } }, this.t('action.refreshAll'))),
        p.reports),
    );
    p.sheet.addEventListener('change', () => this.selectSheet(Number(p.sheet.value)));
    p.title.addEventListener('input', () => { this.state.title = p.title.value; });
    p.grain.addEventListener('change', () => { this.state.grain = p.grain.value as State['grain']; });
    p.from.addEventListener('change', () => { this.state.from = p.from.value; });
    p.to.addEventListener('change', () => { this.state.to = p.to.value; });
    p.segment.addEventListener('change', () => { this.state.segmentBy = p.segment.value === '' ? '' : Number(p.segment.value); });
    p.check.addEventListener('click', () => this.checkData());
    p.build.addEventListener('click', () => this.buildSummary());
  }

  // ----- status line -------------------------------------------------------------------------------------

  private showProgress(text: string): void {
    replaceChildren(this.parts.status, el('div', { class: 'progress', attrs: { role: 'progressbar', 'aria-busy': 'true' } }, el('span', {})), el('p', { class: 'step' }, text));
    this.parts.status.className = 'status busy';
  }

  /** Scrolls the status into view (the user may have clicked far above or below it). */
  private reveal(): void {
    if (typeof this.parts.status.scrollIntoView === 'function') this.parts.status.scrollIntoView({ block: 'nearest' });
  }

  private clearStatus(): void {
    replaceChildren(this.parts.status);
    this.parts.status.className = 'status';
  }

  private showError(text: string): void {
    replaceChildren(this.parts.status, el('p', { class: 'error-text', attrs: { role: 'alert' } }, text));
    this.parts.status.className = 'status error';
    this.reveal();
  }

  private showInfo(...lines: (string | HTMLElement)[]): void {
    replaceChildren(this.parts.status, ...lines.map((l) => (typeof l === 'string' ? el('p', {}, l) : l)));
    this.parts.status.className = 'status ok';
    this.reveal();
  }

  /** Runs one user action at a time: buttons disabled, progress shown, errors in plain words. */
  private async run<T>(progress: string, action: () => Promise<T>): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.root.classList.add('busy');
    this.root.querySelectorAll('button, select, input').forEach((c) => ((c as HTMLButtonElement).disabled = true));
    this.showProgress(progress);
    try {
      return await action();
    } catch (e) {
      this.showError(explain(this.state, e));
      return undefined;
    } finally {
      this.busy = false;
      this.root.classList.remove('busy');
      this.root.querySelectorAll('button, select, input').forEach((c) => ((c as HTMLButtonElement).disabled = false));
    }
  }

  // ----- source ------------------------------------------------------------------------------------------

  private async loadSheets(): Promise<void> {
    await this.run(this.t('loading'), async () => {
      const { sheets, activeSheetId } = await this.client.call('listSheets', {});
      this.state.sheets = sheets.filter((s) => !s.generated);
      const sheet = this.state.sheets.find((s) => s.id === activeSheetId && s.rows > 0) ?? this.state.sheets.find((s) => s.rows > 0);
      replaceChildren(this.parts.sheet, ...this.state.sheets.map((s) => option(String(s.id), s.name, s.id === sheet?.id)));
      if (!sheet) {
        this.showError(this.t('source.noSheets'));
        return;
      }
      this.state.sheetId = sheet.id;
      await this.detect(sheet.id);
      this.clearStatus();
    });
  }

  private async selectSheet(sheetId: number): Promise<void> {
    this.state.sheetId = sheetId;
    await this.run(this.t('loading'), async () => {
      await this.detect(sheetId);
      this.clearStatus();
    });
  }

  private async redetect(): Promise<void> {
    const joined = joinSource(this.parts.headerRow.value, this.parts.dataRange.value);
    if ('error' in joined) return this.showError(this.t(joined.error));
    if (this.state.sheetId === undefined) return this.showError(this.t('error.noSource'));
    const sheetId = this.state.sheetId;
    await this.run(this.t('loading'), async () => {
      await this.detect(sheetId, joined.range);
      this.clearStatus();
    });
  }

  private async detect(sheetId: number, range?: string): Promise<void> {
    const table = await this.client.call('detectTable', range ? { sheetId, range } : { sheetId });
    applyTable(this.state, table);
    const { headerRow, dataRange } = splitSource(table.source.range, table.source.hasHeader);
    this.parts.headerRow.value = String(headerRow);
    this.parts.dataRange.value = dataRange;
    this.parts.detected.textContent = this.t('source.detected', { range: table.source.range, rows: table.rows });
    this.parts.title.value = '';
    this.parts.title.placeholder = this.t('options.defaultTitle', { sheet: table.source.sheetName });
    this.parts.checkResult.hidden = true;
    this.renderColumns();
    this.renderMetrics();
    this.renderSegments();
  }

  // ----- columns, metrics, segment -------------------------------------------------------------------------

  private columnSelect(role: Role): HTMLElement {
    const state = this.state;
    const select = el('select', { attrs: { 'data-role': role, id: `role-${role}` } },
      option('', this.t('columns.notMapped'), state.mapping[role] === undefined),
      ...(state.table?.columns ?? []).map((c) => {
        const o = option(String(c.index), `${c.letter} · ${c.header}`, state.mapping[role] === c.index);
        if (c.samples.length) o.title = this.t('columns.sample', { value: c.samples.join(', ') });
        return o;
      }));
    select.addEventListener('change', () => {
      if (select.value === '') delete state.mapping[role];
      else state.mapping[role] = Number(select.value);
      // A newly offered metric starts ticked; one no longer offered is dropped.
      const before = new Set(state.selected);
      const offered = availableMetrics(state).map((m) => m.name);
      state.selected = new Set(offered.filter((n) => before.has(n) || !this.offered.has(n)));
      this.renderMetrics();
      if (role === 'segment') this.renderSegments();
    });
    return el('label', { class: 'map-row' }, el('span', { class: 'label' }, roleLabel(state, role)), select);
  }

  private offered = new Set<string>();

  private renderColumns(): void {
    const { mapped, unmapped } = rolesInOrder(this.state.mapping);
    const more = el('details', { attrs: { id: 'more-roles' } }, el('summary', {}, this.t('columns.more', { count: unmapped.length })), ...unmapped.map((r) => this.columnSelect(r)));
    replaceChildren(this.parts.columns, ...mapped.map((r) => this.columnSelect(r)), unmapped.length ? more : null);
  }

  private renderMetrics(): void {
    const state = this.state;
    const offered = availableMetrics(state);
    this.offered = new Set(offered.map((m) => m.name));
    const hidden = (state.table?.metrics.length ?? 0) - offered.length;
    const rows = offered.map((m) => {
      const box = el('input', { attrs: { type: 'checkbox', 'data-metric': m.name, id: `metric-${m.name}` } });
      box.checked = state.selected.has(m.name);
      box.addEventListener('change', () => {
        if (box.checked) state.selected.add(m.name);
        else state.selected.delete(m.name);
      });
      const goal = el('input', {
        class: 'goal',
        attrs: {
          type: 'text', inputmode: 'decimal', 'data-goal': m.name, placeholder: this.t('metrics.goalPlaceholder'),
          'aria-label': `${m.name}: ${this.t(m.format === 'fraction' ? 'metrics.goalPercent' : 'metrics.goal')}`,
          title: this.t(m.format === 'fraction' ? 'metrics.goalPercent' : 'metrics.goal'),
        },
      });
      goal.value = state.goals[m.name] ?? '';
      goal.addEventListener('input', () => { state.goals[m.name] = goal.value; });
      return el('div', { class: 'metric', attrs: { title: m.summary } },
        el('label', { class: 'check' }, box, el('span', { class: 'name' }, m.name)),
        goal, m.format === 'fraction' ? el('span', { class: 'unit' }, '%') : el('span', { class: 'unit' }));
    });
    const header = offered.length
      ? el('div', { class: 'metric head' }, el('span', {}, ''), el('span', { class: 'label' }, this.t('metrics.goal')))
      : el('p', { class: 'hint' }, this.t('metrics.none'));
    replaceChildren(this.parts.metrics, header, ...rows, hidden > 0 ? el('p', { class: 'hint' }, this.t('metrics.hidden', { count: hidden })) : null);
  }

  private renderSegments(): void {
    const state = this.state;
    replaceChildren(this.parts.segment, option('', this.t('options.noSegment'), state.segmentBy === ''),
      ...(state.table?.columns ?? []).map((c) => option(String(c.index), `${c.letter} · ${c.header}`, state.segmentBy === c.index)));
  }

  // ----- data check -----------------------------------------------------------------------------------------

  private async checkData(): Promise<void> {
    const table = this.state.table;
    if (!table) return this.showError(this.t('error.noSource'));
    const result = await this.run(this.t('check.running'), () => this.client.call('checkData', { source: table.source, mapping: this.state.mapping }));
    if (!result) return;
    this.clearStatus();
    this.renderCheck(result, table.source.sheetId);
  }

  private renderCheck(result: CheckResult, sheetId: number): void {
    const box = this.parts.checkResult;
    box.hidden = false;
    const summary = result.issues.length
      ? this.t('check.summary', { rows: result.rows, kinds: result.issues.length })
      : this.t('check.clean', { rows: result.rows });
    const issues = result.issues.map((issue) => {
      const select = el('button', { class: 'btn small', attrs: { type: 'button', 'data-select': issue.kind } }, this.t('action.selectCells'));
      select.addEventListener('click', async () => {
        const done = await this.run(this.t('working'), () => this.client.call('selectRange', { sheetId, ranges: issue.ranges }));
        if (done) this.showInfo(this.t('check.selected', { range: issue.ranges.join(', ') }));
      });
      return el('li', { class: 'issue', attrs: { 'data-kind': issue.kind } },
        el('div', { class: 'issue-title' }, translateMessage(this.state, 'issue', { key: issue.kind, params: { count: issue.count, column: issue.column ?? '' }, message: issue.message })),
        issue.column ? el('div', { class: 'hint' }, this.t('check.column', { column: issue.column })) : null,
        el('div', { class: 'count' }, this.t('check.count', { count: issue.count })),
        issue.rows.length ? el('div', { class: 'hint rows' }, this.t('check.firstRows', { rows: issue.rows.join(', ') })) : null,
        issue.ranges.length ? select : null);
    });
    replaceChildren(box, el('h2', {}, this.t('section.check')), el('p', { class: result.issues.length ? 'warn' : 'ok' }, summary),
      issues.length ? el('ul', { class: 'issues' }, ...issues) : null);
  }

  // ----- build --------------------------------------------------------------------------------------------

  private async buildSummary(): Promise<void> {
    this.showProgress(this.t('build.validating'));
    const made = reportSpec(this.state);
    if ('error' in made) return this.showError(this.t(made.error as MessageKey, made.values));
    const result = await this.run(this.t('build.running'), () => this.client.call('buildSummary', { spec: made.spec }));
    if (!result) return;
    await this.refreshLists();
    this.showBuilt(result);
  }

  private showBuilt(result: BuildResult): void {
    const notes = result.warnings.map((w) => el('li', {}, translateMessage(this.state, 'warning', w)));
    this.showInfo(
      el('p', { class: 'done', attrs: { id: 'build-done' } }, this.t('build.done', { sheet: result.sheetName })),
      el('p', { class: 'hint' }, result.metrics.join(', ')),
      notes.length ? el('div', { class: 'notes' }, el('strong', {}, this.t('build.notes')), el('ul', {}, ...notes)) : el('span', {}),
    );
  }

  /** After a build: the report list gains the report (summary tabs are not offered as sources). */
  private async refreshLists(): Promise<void> {
    await this.loadReports(false);
  }

  // ----- saved reports ---------------------------------------------------------------------------------------

  private async loadReports(withProgress = true): Promise<void> {
    const load = async () => {
      const { reports } = await this.client.call('listReports', {});
      this.state.reports = reports;
      this.renderReports();
      return true;
    };
    if (withProgress) {
      const ok = await this.run(this.t('loading'), load);
      if (ok) this.clearStatus();
    } else {
      try {
        await load();
      } catch (e) {
        this.showError(explain(this.state, e));
      }
    }
  }

  private when(iso: string | undefined): string {
    if (!iso) return '';
    const date = new Date(iso);
    if (isNaN(date.getTime())) return iso;
    try {
      return new Intl.DateTimeFormat(this.state.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: this.state.timeZone }).format(date);
    } catch {
      return date.toISOString().slice(0, 16).replace('T', ' ');
    }
  }

  private renderReports(): void {
    const reports = this.state.reports;
    if (!reports.length) {
      replaceChildren(this.parts.reports, el('p', { class: 'hint', attrs: { id: 'no-reports' } }, this.t('reports.empty')));
      return;
    }
    replaceChildren(this.parts.reports, el('ul', { class: 'reports' }, ...reports.map((entry) => {
      const { report } = entry;
      const refresh = el('button', { class: 'btn small', attrs: { type: 'button', 'data-refresh': report.id } }, this.t('action.refresh'));
      const remove = el('button', { class: 'btn small danger', attrs: { type: 'button', 'data-delete': report.id } }, this.t('action.delete'));
      const item = el('li', { class: 'report', attrs: { 'data-report': report.id } },
        el('div', { class: 'report-title' }, report.spec.title),
        el('div', { class: 'hint' }, entry.sheetName ?? this.t('reports.noTab'), ' · ', this.t('reports.refreshedAt', { when: this.when(report.refreshedAt ?? report.createdAt) })),
        el('div', { class: 'row end' }, refresh, remove));
      refresh.addEventListener('click', () => this.refreshReport(report.id));
      remove.addEventListener('click', () => this.confirmDelete(item, report.id, report.spec.title));
      return item;
    })));
  }

  private async refreshReport(id: string): Promise<void> {
    const result = await this.run(this.t('build.running'), () => this.client.call('refreshReport', { id }));
    if (!result) return;
    await this.loadReports(false);
    this.showBuilt(result);
    append(this.parts.status, el('p', {}, this.t('reports.refreshed')));
  }

  private confirmDelete(item: HTMLElement, id: string, title: string): void {
    if (item.querySelector('.confirm')) return;
    const alsoTab = el('input', { attrs: { type: 'checkbox', 'data-delete-tab': id } });
    const yes = el('button', { class: 'btn small danger', attrs: { type: 'button', 'data-confirm': id } }, this.t('action.confirm'));
    const no = el('button', { class: 'btn small', attrs: { type: 'button' } }, this.t('action.cancel'));
    const box = el('div', { class: 'confirm' }, el('p', {}, this.t('reports.confirmDelete', { name: title })),
      el('label', { class: 'check' }, alsoTab, el('span', {}, this.t('reports.deleteTab'))), el('div', { class: 'row end' }, no, yes));
    no.addEventListener('click', () => box.remove());
    yes.addEventListener('click', async () => {
      const done = await this.run(this.t('working'), () => this.client.call('deleteReport', { id, deleteSheet: alsoTab.checked }));
      if (!done) return;
      await this.loadReports(false);
      this.showInfo(this.t('reports.deleted'));
    });
    item.appendChild(box);
  }

  private async refreshAll(): Promise<void> {
    const result = await this.run(this.t('build.running'), () => this.client.call('refreshAll', {}));
    if (!result) return;
    const failed = result.results.filter((r) => !r.ok);
    await this.loadReports(false);
    this.showInfo(this.t('reports.refreshedAll', { count: result.results.length - failed.length }),
      ...failed.map((r) => el('p', { class: 'error-text' }, this.t('reports.failed', {
        title: r.title,
        message: r.error ? translateMessage(this.state, 'error', r.error) : '',
      }))));
  }
}
