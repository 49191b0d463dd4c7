// The workbench page: sheet tabs, a grid with a formula bar, charts, the real sidebar in a right-hand frame, and the
// workbench's own controls (the language switch, Reset sample workbook).

import type { GridRange } from '../../src/server/sheets/workbook';
import { display } from './cellText';
import { looksByCell, paintCell } from './cellStyles';
import { drawChart } from './charts';
import { gradientStats, ruleColours } from './colourRules';
import { separatorsIn, syntaxOf } from '../../src/core/formulaSyntax';
import type { SheetView } from './model';

interface FunctionHelp {
  name: string;
  summary: string;
  params: { name: string; optional: boolean; repeats: boolean; description: string }[];
}

interface WorkbookJson {
  version: number;
  locale: string;
  language: string;
  languages: string[];
  /** Where the workbook is saved, or null when it lives in memory only. */
  savedIn: string | null;
  activeSheetId: number;
  selection: { sheetId: number; ranges: GridRange[] } | null;
  sheets: { id: number; name: string; generated: boolean }[];
  calls: number;
  /** Sample CSV/Parquet files DuckDB can read as a warehouse source (absent or empty: none written). */
  warehouseFiles?: string[];
}

const MAX_ROWS = 1500;
const MIN_ROWS = 40;
const MIN_COLUMNS = 12;

const letters = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : letters(Math.floor((n - 1) / 26)) + letters(((n - 1) % 26) + 1));

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  for (const c of children) n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return n;
}

class Workbench {
  private book: WorkbookJson | undefined;
  private sheet: SheetView | undefined;
  private sheetId = -1;
  private active = { row: 1, column: 1 };
  private readonly grid = h('div', { class: 'grid', id: 'grid' });
  private readonly tabs = h('div', { class: 'tabs', id: 'tabs' });
  private readonly address = h('div', { class: 'address', id: 'address' }, 'A1');
  private readonly input = h('input', { class: 'formula', id: 'formula', type: 'text', spellcheck: 'false', autocomplete: 'off', 'aria-label': 'Formula bar' });
  private readonly calls = h('span', { class: 'calls', id: 'calls' });
  private readonly language = h('select', { id: 'language', 'aria-label': 'Language (the workbook’s locale)' });
  private readonly reset = h('button', { id: 'reset', type: 'button' }, 'Reset sample workbook');
  private readonly saved = h('span', { class: 'saved', id: 'saved' });
  private readonly help = h('div', { class: 'help', id: 'help', hidden: '' });
  private readonly warehouseList = h('ul', {});
  private readonly warehouse = h('details', { class: 'warehouse-files', id: 'warehouse-files', hidden: '' },
    h('summary', {}, 'Warehouse files'),
    h('p', {}, 'Sample tables as files DuckDB reads as a warehouse source: give one of these paths as the warehouse table.'),
    this.warehouseList);
  private functions: FunctionHelp[] = [];
  private readonly frame = h('iframe', { id: 'sidebar', src: '/sidebar.html', title: 'CRM Metrics sidebar' });

  constructor(root: HTMLElement) {
    root.appendChild(h('header', { class: 'bar' },
      h('div', { class: 'brand' }, h('span', { class: 'logo' }, '▦'), h('span', {}, 'CRM Metrics — local workbench')),
      h('div', { class: 'controls' }, this.calls, this.saved, this.language, this.reset)));
    this.language.addEventListener('change', () => void this.switchLanguage(this.language.value));
    this.reset.addEventListener('click', () => void this.resetWorkbook());
    root.appendChild(h('div', { class: 'formula-bar' }, this.address, h('span', { class: 'fx' }, 'fx'), this.input, this.help));
    this.input.addEventListener('input', () => this.showHelp());
    this.input.addEventListener('blur', () => this.help.setAttribute('hidden', ''));
    root.appendChild(h('div', { class: 'body' },
      h('div', { class: 'sheet-area' }, this.grid, this.tabs),
      h('aside', { class: 'side', id: 'side' }, h('div', { class: 'side-title' }, h('span', {}, 'CRM Metrics')), this.frame, this.warehouse)));
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        this.help.setAttribute('hidden', '');
        void this.commit(this.input.value, 1);
      } else if (e.key === 'Escape') {
        this.grid.focus();
        this.showActive();
      }
    });
    this.grid.tabIndex = 0;
    this.grid.addEventListener('keydown', (e) => this.gridKey(e));
    // The sidebar's calls that may change the workbook (reads need no redraw).
    const changes = new Set(['buildSummary', 'refreshReport', 'refreshAll', 'deleteReport', 'selectRange', 'insertSampleData']);
    window.addEventListener('message', (e) => {
      const data = e.data as { type?: string; method?: string } | null;
      if (e.origin === location.origin && data?.type === 'workbench:rpc' && changes.has(data.method ?? '')) void this.refresh(true);
    });
  }

  async start(): Promise<void> {
    this.functions = (await (await fetch('/api/functions')).json()) as FunctionHelp[];
    await this.refresh(true);
    document.body.setAttribute('data-ready', 'true');
  }

  /** Reloads the tab list and the shown sheet; follows the active sheet when the add-on changed it. */
  async refresh(followActive: boolean): Promise<void> {
    const book = (await (await fetch('/api/workbook')).json()) as WorkbookJson;
    const activeChanged = !this.book || book.activeSheetId !== this.book.activeSheetId;
    this.book = book;
    this.calls.textContent = `Workbook calls: ${book.calls}`;
    this.showWorkbenchState(book);
    if (!book.sheets.some((s) => s.id === this.sheetId) || (followActive && activeChanged)) this.sheetId = book.activeSheetId;
    if (!book.sheets.some((s) => s.id === this.sheetId)) this.sheetId = book.sheets[0]?.id ?? -1;
    await this.loadSheet();
    document.body.setAttribute('data-version', String(book.version));
  }

  /** The language switch (languages named in themselves) and where the workbook is saved. */
  private showWorkbenchState(book: WorkbookJson): void {
    if (this.language.options.length !== book.languages.length) {
      for (const code of book.languages) {
        const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
        this.language.appendChild(h('option', { value: code }, name.charAt(0).toLocaleUpperCase(code) + name.slice(1)));
      }
    }
    this.language.value = book.language;
    this.language.title = `Locale ${book.locale}`;
    this.saved.textContent = book.savedIn ? 'Saved on every change' : 'Not saved (--fresh)';
    this.saved.title = book.savedIn ?? 'Started with --fresh: this workbook lives in memory only';
    const files = book.warehouseFiles ?? [];
    if (files.length && !this.warehouseList.childElementCount) for (const f of files) this.warehouseList.appendChild(h('li', {}, h('code', {}, f)));
    if (files.length) this.warehouse.removeAttribute('hidden');
  }

  /** Sets the workbook's locale (what the add-on reads as the user's) and reloads the sidebar, which then speaks it. */
  private async switchLanguage(language: string): Promise<void> {
    await fetch('/api/language', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ language }) });
    this.reloadSidebar();
    await this.refresh(false);
  }

  /** Reset sample workbook, once confirmed: every report, tab and edit is replaced by the sample data. */
  private async resetWorkbook(): Promise<void> {
    if (!window.confirm('Reset the sample workbook? Every report, tab and edit in this workbook is replaced by the sample data.')) return;
    await fetch('/api/reset', { method: 'POST' });
    this.active = { row: 1, column: 1 };
    this.reloadSidebar();
    await this.refresh(true);
  }

  private reloadSidebar(): void {
    this.frame.contentWindow?.location.reload();
  }

  private async loadSheet(): Promise<void> {
    this.sheet = this.sheetId >= 0 ? ((await (await fetch(`/api/sheet/${this.sheetId}`)).json()) as SheetView) : undefined;
    this.renderTabs();
    this.renderGrid();
  }

  private renderTabs(): void {
    while (this.tabs.firstChild) this.tabs.removeChild(this.tabs.firstChild);
    for (const s of this.book?.sheets ?? []) {
      const tab = h('button', { class: `tab${s.id === this.sheetId ? ' on' : ''}${s.generated ? ' generated' : ''}`, type: 'button', 'data-sheet-name': s.name, 'data-sheet-id': String(s.id) }, s.name);
      tab.addEventListener('click', async () => {
        this.sheetId = s.id;
        await fetch('/api/activate', { method: 'POST', body: JSON.stringify({ sheetId: s.id }) });
        await this.refresh(false);
      });
      this.tabs.appendChild(tab);
    }
  }

  private renderGrid(): void {
    while (this.grid.firstChild) this.grid.removeChild(this.grid.firstChild);
    const sheet = this.sheet;
    if (!sheet) return;
    const chartRows = sheet.charts.map((c) => c.anchor.row + Math.ceil(Math.min(c.height, 360) / 21) + 1);
    const rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, sheet.rows.length + 5, ...chartRows));
    const chartColumns = sheet.charts.map((c) => c.anchor.column + Math.ceil(Math.min(c.width, 640) / 100) + 1);
    const columns = Math.max(MIN_COLUMNS, ...chartColumns, ...sheet.rows.slice(0, rows).map((r) => r.length + 2));
    const stats = gradientStats(sheet.colourRules, sheet.rows);
    const looks = looksByCell(sheet.styles, rows, columns);
    const picked = this.book?.selection && this.book.selection.sheetId === sheet.id ? this.book.selection.ranges : [];
    const isPicked = (r: number, c: number): boolean => picked.some((g) => r >= g.row && r < g.row + g.rows && c >= g.column && c < g.column + g.columns);
    // Fixed column widths, as in Sheets: 100 px unless the sheet sets one; long text is cut at the cell's edge unless
    // it wraps, and rows grow to fit wrapped and larger text.
    const table = h('table', { class: 'cells' });
    const cols = h('colgroup', {}, h('col', { style: 'width: 40px' }));
    let total = 40;
    const head = h('tr', {}, h('th', { class: 'corner' }));
    for (let c = 1; c <= columns; c++) {
      const width = Math.min(sheet.columnWidths[c] ?? 100, 400);
      total += width;
      cols.appendChild(h('col', { style: `width: ${width}px` }));
      head.appendChild(h('th', {}, letters(c)));
    }
    table.style.width = `${total}px`;
    table.appendChild(cols);
    table.appendChild(h('thead', {}, head));
    const body = h('tbody');
    for (let r = 1; r <= rows; r++) {
      const tr = h('tr', {}, h('th', {}, String(r)));
      if (r <= sheet.frozenRows) tr.className = 'frozen';
      for (let c = 1; c <= columns; c++) {
        const value = sheet.rows[r - 1]?.[c - 1] ?? '';
        const format = sheet.formats[r - 1]?.[c - 1] ?? '';
        const td = h('td', { 'data-cell': `${letters(c)}${r}` }, display(value, format, this.book?.locale));
        const k = `${r},${c}`;
        const look = looks.get(k);
        if (typeof value === 'number') td.className = 'num';
        // Text that does not wrap runs on over empty neighbours, as in Sheets.
        else if (typeof value === 'string' && value && !look?.wrap && (sheet.rows[r - 1]?.[c] ?? '') === '') td.className = 'spill';
        if (sheet.errors[k]) {
          td.className = 'err';
          td.title = sheet.errors[k];
          td.setAttribute('data-error', sheet.errors[k]);
        }
        if (sheet.formulas[k]) td.setAttribute('data-formula', sheet.formulas[k]);
        paintCell(td, look, ruleColours(sheet.colourRules, r, c, value, stats));
        if (isPicked(r, c)) td.classList.add('picked');
        if (r === this.active.row && c === this.active.column) td.classList.add('active');
        td.addEventListener('click', () => this.select(r, c));
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    table.appendChild(body);
    this.grid.appendChild(table);
    if (sheet.rows.length > MAX_ROWS) this.grid.appendChild(h('p', { class: 'more' }, `Showing the first ${MAX_ROWS} of ${sheet.rows.length} rows.`));
    this.drawCharts(table);
    this.showActive();
  }

  private drawCharts(table: HTMLTableElement): void {
    const sheet = this.sheet!;
    const layer = h('div', { class: 'charts', id: 'charts' });
    sheet.charts.forEach((spec, i) => {
      const anchor = table.querySelector<HTMLElement>(`td[data-cell="${letters(spec.anchor.column)}${spec.anchor.row}"]`);
      if (!anchor) return; // beyond the rows the grid draws
      const box = h('div', { class: 'chart-box', 'data-chart': String(i) });
      box.appendChild(drawChart(spec, sheet.rows));
      box.style.left = `${anchor.offsetLeft}px`;
      box.style.top = `${anchor.offsetTop}px`;
      layer.appendChild(box);
    });
    this.grid.appendChild(layer);
  }

  private select(row: number, column: number): void {
    this.grid.querySelector('td.active')?.classList.remove('active');
    this.active = { row, column };
    this.grid.querySelector(`td[data-cell="${letters(column)}${row}"]`)?.classList.add('active');
    this.showActive();
  }

  /** The formula bar shows what was typed: the formula, or the value as text. */
  private showActive(): void {
    if (document.activeElement === this.input) return; // the person is typing there
    const { row, column } = this.active;
    this.address.textContent = `${letters(column)}${row}`;
    const sheet = this.sheet;
    const formula = sheet?.formulas[`${row},${column}`];
    const value = sheet?.rows[row - 1]?.[column - 1] ?? '';
    this.input.value = formula ?? (typeof value === 'string' && /^[=']/.test(value) ? `'${value}` : display(value, typeof value === 'object' ? '' : 'General', this.book?.locale));
  }

  /**
   * Help under the formula bar while a formula is typed, from the add-on's function table: the function whose
   * arguments are being typed (its signature, the current argument in bold, its description), or the functions whose
   * names start with what was typed.
   */
  private showHelp(): void {
    const before = this.input.value.slice(0, this.input.selectionStart ?? this.input.value.length);
    const clear = (): void => {
      while (this.help.firstChild) this.help.removeChild(this.help.firstChild);
    };
    clear();
    if (!before.startsWith('=')) return this.help.setAttribute('hidden', '');
    const open = /([A-Za-z_][A-Za-z0-9_]*)\(([^()]*)$/.exec(before);
    const fn = open && this.functions.find((f) => f.name === open[1].toUpperCase());
    if (fn && open) {
      const locale = this.book?.locale ?? 'en_US';
      const index = Math.min(separatorsIn(open[2], locale), fn.params.length - 1);
      const separator = `${syntaxOf(locale).argument} `;
      const signature = h('div', { class: 'signature' }, `${fn.name}(`);
      fn.params.forEach((p, i) => {
        const label = `${p.optional ? '[' : ''}${p.name}${p.repeats ? `${separator}…` : ''}${p.optional ? ']' : ''}`;
        signature.appendChild(i === index ? h('b', {}, label) : document.createTextNode(label));
        if (i < fn.params.length - 1) signature.appendChild(document.createTextNode(separator));
      });
      signature.appendChild(document.createTextNode(')'));
      this.help.appendChild(signature);
      this.help.appendChild(h('div', { class: 'summary' }, fn.summary));
      if (fn.params[index]) this.help.appendChild(h('div', { class: 'param' }, `${fn.params[index].name}: ${fn.params[index].description}`));
      return this.help.removeAttribute('hidden');
    }
    const prefix = /([A-Za-z_][A-Za-z0-9_]*)$/.exec(before)?.[1]?.toUpperCase();
    const matches = prefix ? this.functions.filter((f) => f.name.startsWith(prefix)).slice(0, 6) : [];
    for (const f of matches) this.help.appendChild(h('div', { class: 'match' }, h('b', {}, f.name), ` — ${f.summary}`));
    if (matches.length) this.help.removeAttribute('hidden');
    else this.help.setAttribute('hidden', '');
  }

  private async commit(input: string, down: number): Promise<void> {
    this.input.blur();
    const { row, column } = this.active;
    await fetch('/api/cell', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sheetId: this.sheetId, row, column, input }) });
    this.active = { row: row + down, column };
    await this.refresh(false);
    this.grid.focus();
  }

  private gridKey(e: KeyboardEvent): void {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Enter: [1, 0], Tab: [0, 1] };
    if (moves[e.key]) {
      e.preventDefault();
      const [dr, dc] = moves[e.key];
      this.select(Math.max(1, this.active.row + dr), Math.max(1, this.active.column + dc));
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void this.commit('', 0);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.input.value = e.key;
      this.input.focus();
      this.showHelp();
    }
  }
}

void new Workbench(document.getElementById('workbench')!).start();
