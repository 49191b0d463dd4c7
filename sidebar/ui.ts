// The sidebar's main view: source, columns, metrics, options and the Check / Build actions (reports: reports.ts).

import { SUMMARY_GRAINS, type Role } from '../src/server/rpc/contract';
import { applyTable, availableMetrics, blockedMetrics, columnLabel, defaultTitle, joinSource, ofCurrentKind, tableKind,
  reportSpec, roleLabel, rolesInOrder, splitSource, type State, type Table } from './app';
import { renderCheck } from './check';
import { el, option, replaceChildren } from './dom';
import type { MessageKey } from './i18n/catalogue';
import { ReportsView } from './reports';
import { buildOrClash, resolveClash } from './sameTitle';
import { RpcError, type RpcClient } from './rpc';
import { StatusLine } from './status';
import { sourceTabs } from './sourceTabs';
import { SqlView } from './sqlView';
import { lastTwelveMonths, sourceKinds, type SourceKind } from './warehouse';
import { WarehouseForm } from './warehouseForm';

/** The source picker's label of each kind of source. */
const SOURCE_LABELS: Record<SourceKind, MessageKey> = { sheet: 'source.fromSheet', bigquery: 'source.fromBigQuery', duckdb: 'source.fromFile' };

/** How many sheets without a table the sidebar skips on opening before it says so. */
const MAX_EMPTY_SHEETS_SKIPPED = 3;

/** The sidebar: owns the DOM under `root` and redraws parts of it as the state changes. */
export class Sidebar {
  private readonly parts = {
    sheetSource: el('div', { attrs: { id: 'sheet-source', role: 'tabpanel' } }),
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
  };

  private readonly status: StatusLine;
  private readonly reports: ReportsView;
  private readonly warehouseForm: WarehouseForm;
  private readonly sql: SqlView;

  constructor(private readonly root: HTMLElement, private readonly state: State, private readonly client: RpcClient) {
    this.status = new StatusLine(root, this.parts.status, state);
    this.reports = new ReportsView(state, client, this.status);
    this.warehouseForm = new WarehouseForm(state, client, this.status, (table) => this.showWarehouseTable(table));
    this.sql = new SqlView(state, client, this.status);
    this.sql.preferDialect(state.warehouse);
  }

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
    await this.reports.load();
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
    const kinds = sourceKinds(this.state.warehouse);
    const tabs = sourceTabs(this.t('source.kind'), kinds.map((kind) => ({ kind, label: this.t(SOURCE_LABELS[kind]), panel: kind === 'sheet' ? 'sheet-source' : 'warehouse-source' })),
      this.state.sourceKind, (kind) => this.chooseSource(kind));
    replaceChildren(p.sheetSource,
      this.field('source.sheet', p.sheet),
      el('p', { class: 'hint' }, this.t('source.hint')),
      el('div', { class: 'row' }, this.field('source.headerRow', p.headerRow), this.field('source.dataRange', p.dataRange)),
      el('div', { class: 'row end' }, p.detected, detect));
    replaceChildren(this.root,
      this.card('source', 'section.source',
        // The choice only where this spreadsheet can run a warehouse: BigQuery in Sheets, DuckDB in the workbench.
        kinds.length > 1 ? tabs : null,
        p.sheetSource,
        this.warehouseForm.node,
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
      this.sql.node,
      this.card('reports', 'section.reports',
        el('div', { class: 'row end' },
          el('button', { class: 'btn small', attrs: { id: 'reload-reports', type: 'button' }, on: { click: () => this.reports.load() } }, this.t('action.reload')),
          el('button', { class: 'btn small', attrs: { id: 'refresh-all', type: 'button' }, on: { click: () => this.reports.refreshAll() } }, this.t('action.refreshAll'))),
        this.reports.node),
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

  // ----- source ------------------------------------------------------------------------------------------

  /**
   * Lists the sheets (names only: a sheet's size costs two more Apps Script calls each) and opens the first that holds
   * a table: the active sheet, else the others in order, trying at most MAX_EMPTY_SHEETS_SKIPPED empty ones.
   */
  private async loadSheets(): Promise<void> {
    await this.status.run(this.t('loading'), async () => {
      const { sheets, activeSheetId } = await this.client.call('listSheets', {});
      this.state.sheets = sheets.filter((s) => !s.generated);
      const candidates = [...this.state.sheets].sort((a, b) => Number(b.id === activeSheetId) - Number(a.id === activeSheetId));
      if (!candidates.length) {
        this.status.showError(this.t('source.noSheets'));
        return;
      }
      for (const [i, sheet] of candidates.slice(0, MAX_EMPTY_SHEETS_SKIPPED + 1).entries()) {
        replaceChildren(this.parts.sheet, ...this.state.sheets.map((s) => option(String(s.id), s.name, s.id === sheet.id)));
        this.state.sheetId = sheet.id;
        try {
          await this.detect(sheet.id);
          break;
        } catch (e) {
          const empty = e instanceof RpcError && (e.key === 'noTable' || e.key === 'noDataRows');
          if (!empty || i === Math.min(candidates.length - 1, MAX_EMPTY_SHEETS_SKIPPED)) throw e;
        }
      }
      this.status.clear();
    });
  }

  private async selectSheet(sheetId: number): Promise<void> {
    this.state.sheetId = sheetId;
    await this.status.run(this.t('loading'), async () => {
      await this.detect(sheetId);
      this.status.clear();
    });
  }

  private async redetect(): Promise<void> {
    const joined = joinSource(this.parts.headerRow.value, this.parts.dataRange.value);
    if ('error' in joined) return this.status.showError(this.t(joined.error, 'values' in joined ? joined.values : undefined));
    if (this.state.sheetId === undefined) return this.status.showError(this.t('error.noSource'));
    const sheetId = this.state.sheetId;
    await this.status.run(this.t('loading'), async () => {
      await this.detect(sheetId, joined.range);
      this.status.clear();
    });
  }

  private async detect(sheetId: number, range?: string): Promise<void> {
    const table = await this.client.call('detectTable', range ? { sheetId, range } : { sheetId });
    this.showTable(table);
    const { headerRow, dataRange } = splitSource(table.source.range, table.source.hasHeader);
    this.parts.headerRow.value = String(headerRow);
    this.parts.dataRange.value = dataRange;
    this.parts.detected.textContent = this.t('source.detected', { range: table.source.range, rows: table.rows });
  }

  /** A detected sheet table or a described warehouse table: its mapping, metrics and segment column shown (none when undefined). */
  private showTable(table: Table | undefined): void {
    if (table) applyTable(this.state, table);
    else Object.assign(this.state, { table: undefined, mapping: {}, selected: new Set(), segmentBy: '', title: '' });
    this.parts.title.value = '';
    this.parts.title.placeholder = table ? defaultTitle(this.state, table) : '';
    this.parts.checkResult.hidden = true;
    this.sql.clear();
    this.renderColumns();
    this.renderMetrics();
    this.renderSegments();
  }

  /** A warehouse table: its columns mapped as a sheet's, and From–To (required) filled with the last 12 complete months when empty. */
  private showWarehouseTable(table: Table): void {
    this.showTable(table);
    if (this.state.from && this.state.to) return;
    const range = lastTwelveMonths(this.state.timeZone);
    this.state.from ||= range.from;
    this.state.to ||= range.to;
    this.filledRange = { from: this.state.from, to: this.state.to };
    this.setRange(this.state.from, this.state.to);
  }

  /** The From–To a warehouse table filled in, cleared again on going back to a sheet unless the user changed it. */
  private filledRange: { from: string; to: string } | undefined;

  private setRange(from: string, to: string): void {
    this.state.from = this.parts.from.value = from;
    this.state.to = this.parts.to.value = to;
  }

  /**
   * Switches between this spreadsheet's sheets and a warehouse table: the fields, Check data and required dates follow.
   * Refused (false) while a call runs; choosing the current source again changes nothing.
   */
  private chooseSource(kind: SourceKind): boolean {
    if (this.root.classList.contains('busy')) return false;
    if (kind === this.state.sourceKind) return true;
    const p = this.parts;
    this.state.sourceKind = kind;
    const warehouse = kind === 'sheet' ? undefined : kind;
    p.sheetSource.hidden = !!warehouse;
    this.warehouseForm.show(warehouse);
    p.check.hidden = !!warehouse;
    p.from.required = p.to.required = !!warehouse;
    this.sql.preferDialect(warehouse ?? this.state.warehouse);
    this.status.clear();
    if (!warehouse && this.filledRange?.from === this.state.from && this.filledRange.to === this.state.to) this.setRange('', '');
    this.filledRange = undefined;
    if (warehouse) this.showTable(undefined);
    else if (this.state.sheetId !== undefined) void this.selectSheet(this.state.sheetId);
    return true;
  }

  // ----- columns, metrics, segment -------------------------------------------------------------------------

  private columnSelect(role: Role): HTMLElement {
    const state = this.state;
    const select = el('select', { attrs: { 'data-role': role, id: `role-${role}` } },
      option('', this.t('columns.notMapped'), state.mapping[role] === undefined),
      ...(state.table?.columns ?? []).map((c) => {
        const o = option(String(c.index), columnLabel(c), state.mapping[role] === c.index);
        if (c.samples.length) o.title = this.t('columns.sample', { value: c.samples.join(', ') });
        return o;
      }));
    select.addEventListener('change', () => {
      if (select.value === '') delete state.mapping[role];
      else state.mapping[role] = Number(select.value);
      // A newly offered metric of the table's kind starts ticked; one no longer offered is dropped.
      const before = new Set(state.selected);
      const offered = availableMetrics(state);
      state.selected = new Set(offered.filter((m) => before.has(m.name) || (ofCurrentKind(m, state) && !this.offered.has(m.name))).map((m) => m.name));
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
    const blocked = blockedMetrics(state);
    const hidden = (state.table?.metrics.length ?? 0) - offered.length - blocked.length;
    const rows = offered.map((m) => {
      const box = el('input', { attrs: { type: 'checkbox', 'data-metric': m.name, id: `metric-${m.name}` } });
      box.checked = state.selected.has(m.name);
      box.addEventListener('change', () => {
        if (box.checked) state.selected.add(m.name);
        else state.selected.delete(m.name);
      });
      // No placeholder: "optional" does not fit a 76 px box in every language; the label says it instead.
      const goalWord = `${this.t(m.format === 'fraction' ? 'metrics.goalPercent' : 'metrics.goal')} (${this.t('metrics.goalPlaceholder')})`;
      const goal = el('input', {
        class: 'goal',
        attrs: { type: 'text', inputmode: 'decimal', 'data-goal': m.name, 'aria-label': `${m.label}: ${goalWord}`, title: goalWord },
      });
      goal.value = state.goals[m.name] ?? '';
      goal.addEventListener('input', () => { state.goals[m.name] = goal.value; });
      return el('div', { class: 'metric', attrs: { title: `${m.summary} (${m.name})` } },
        el('label', { class: 'check' }, box, el('span', { class: 'name' }, m.label)),
        goal, m.format === 'fraction' ? el('span', { class: 'unit' }, '%') : el('span', { class: 'unit' }));
    });
    const header = offered.length
      ? el('div', { class: 'metric head' }, el('span', {}, ''), el('span', { class: 'label' }, this.t('metrics.goal')))
      : el('p', { class: 'hint' }, this.t('metrics.none'));
    const current = tableKind(state);
    const kind = current ? el('p', { class: 'hint', attrs: { id: 'table-kind' } }, this.t('metrics.kind', { kind: this.t(`kind.${current}` as never) })) : null;
    const reasons = blocked.map(({ metric, reason }) => el('div', { class: 'metric blocked', attrs: { 'data-blocked': metric.name, title: metric.summary } },
      el('span', { class: 'name' }, metric.label), el('span', { class: 'reason' }, reason)));
    const percentHint = offered.some((m) => m.format === 'fraction') ? el('p', { class: 'hint', attrs: { id: 'goal-hint' } }, this.t('metrics.goalHint')) : null;
    replaceChildren(this.parts.metrics, kind, header, ...rows, percentHint, ...reasons, hidden > 0 ? el('p', { class: 'hint' }, this.t('metrics.hidden', { count: hidden })) : null);
  }

  private renderSegments(): void {
    const state = this.state;
    replaceChildren(this.parts.segment, option('', this.t('options.noSegment'), state.segmentBy === ''),
      ...(state.table?.columns ?? []).map((c) => option(String(c.index), columnLabel(c), state.segmentBy === c.index)));
  }

  // ----- data check -----------------------------------------------------------------------------------------

  private async checkData(): Promise<void> {
    const table = this.state.table;
    if (!table) return this.status.showError(this.t('error.noSource'));
    const result = await this.status.run(this.t('check.running'), () => this.client.call('checkData', { source: table.source, mapping: this.state.mapping }));
    if (!result) return;
    this.status.clear();
    renderCheck(this.parts.checkResult, result, table.source.sheetId, this.state, this.client, this.status);
  }

  // ----- build --------------------------------------------------------------------------------------------

  private async buildSummary(): Promise<void> {
    this.status.showProgress(this.t('build.validating'));
    const made = reportSpec(this.state);
    if ('error' in made) return this.status.showError(this.t(made.error as MessageKey, made.values));
    const first = await this.status.run(this.t('build.running'), () => buildOrClash(this.client, made.spec));
    if (!first) return;
    const result = 'built' in first ? first.built : await resolveClash(this.state, this.client, this.status, made.spec, first.clash);
    if (!result) return;
    await this.reports.load(false);
    this.status.showBuilt(result);
  }
}
