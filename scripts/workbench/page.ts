// The workbench page: sheet tabs, a grid with a formula bar, charts, and the real sidebar in a right-hand frame.

import type { GridRange } from '../../src/server/sheets/workbook';
import { drawChart } from './charts';
import type { CellJson, SheetView } from './model';

interface FunctionHelp {
  name: string;
  summary: string;
  params: { name: string; optional: boolean; repeats: boolean; description: string }[];
}

interface WorkbookJson {
  version: number;
  activeSheetId: number;
  selection: { sheetId: number; ranges: GridRange[] } | null;
  sheets: { id: number; name: string; generated: boolean }[];
  calls: number;
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

const SERIAL_EPOCH_DAYS = 25569;
const pad2 = (n: number): string => String(n).padStart(2, '0');
function dateText(d: Date, withTime: boolean): string {
  const day = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  return withTime ? `${day} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}` : day;
}

/** A value as the grid shows it under a Sheets number format (the common ones the summary uses). */
export function display(value: CellJson, format = ''): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const d = new Date(value.d);
    return dateText(d, /h/i.test(format) || d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (/y{2,}|d{1,2}[-/.]m|m{1,2}[-/.]d/i.test(format)) return dateText(new Date((value - SERIAL_EPOCH_DAYS) * 86_400_000), /h/i.test(format));
  const decimals = (/\.(0+)/.exec(format)?.[1].length) ?? (/^[#,]*0$|^0$/.test(format.replace(/"[^"]*"|\[[^\]]*\]|[^#0,.%]/g, '')) ? 0 : undefined);
  const literal = (/"([^"]*)"/.exec(format)?.[1]) ?? (/\[\$([^\]-]*)/.exec(format)?.[1]) ?? '';
  const prefix = literal && format.indexOf(literal) < format.search(/[#0]/) ? literal : '';
  const suffix = literal && !prefix ? literal : '';
  if (format.includes('%')) return `${(value * 100).toFixed(decimals ?? 0)}%`;
  let text: string;
  if (decimals === undefined) text = String(Number(value.toPrecision(10)));
  else {
    text = value.toFixed(decimals);
    if (format.includes(',')) {
      const [int, frac] = text.split('.');
      text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
    }
  }
  return `${prefix}${text}${suffix ? ` ${suffix.trim()}` : ''}`;
}

/** The background a colour rule gives a value, if any. */
function ruleBackground(rules: SheetView['colourRules'], row: number, column: number, value: CellJson, rangeStats: Map<unknown, { min: number; max: number }>): string | undefined {
  for (const rule of rules) {
    const r = rule.range;
    if (row < r.row || row >= r.row + r.rows || column < r.column || column >= r.column + r.columns || typeof value !== 'number') continue;
    if (rule.when === 'lessThan' && value < rule.value) return rule.background;
    if (rule.when === 'greaterThanOrEqual' && value >= rule.value) return rule.background;
    if (rule.when === 'between' && value >= rule.value && value <= rule.to) return rule.background;
    if (rule.when === 'gradient') {
      const s = rangeStats.get(rule);
      if (!s || s.max === s.min) return rule.min;
      return mix(rule.min, rule.max, (value - s.min) / (s.max - s.min));
    }
  }
  return undefined;
}

function mix(a: string, b: string, t: number): string {
  const p = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  const [x, y] = [p(a), p(b)];
  return `rgb(${x.map((v, i) => Math.round(v + (y[i] - v) * t)).join(',')})`;
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
  private readonly help = h('div', { class: 'help', id: 'help', hidden: '' });
  private functions: FunctionHelp[] = [];
  private readonly frame = h('iframe', { id: 'sidebar', src: '/sidebar.html', title: 'CRM Metrics sidebar' });

  constructor(root: HTMLElement) {
    root.appendChild(h('header', { class: 'bar' },
      h('div', { class: 'brand' }, h('span', { class: 'logo' }, '▦'), h('span', {}, 'CRM Metrics — local workbench')),
      this.calls));
    root.appendChild(h('div', { class: 'formula-bar' }, this.address, h('span', { class: 'fx' }, 'fx'), this.input, this.help));
    this.input.addEventListener('input', () => this.showHelp());
    this.input.addEventListener('blur', () => this.help.setAttribute('hidden', ''));
    root.appendChild(h('div', { class: 'body' },
      h('div', { class: 'sheet-area' }, this.grid, this.tabs),
      h('aside', { class: 'side', id: 'side' }, h('div', { class: 'side-title' }, h('span', {}, 'CRM Metrics')), this.frame)));
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
    if (!book.sheets.some((s) => s.id === this.sheetId) || (followActive && activeChanged)) this.sheetId = book.activeSheetId;
    if (!book.sheets.some((s) => s.id === this.sheetId)) this.sheetId = book.sheets[0]?.id ?? -1;
    await this.loadSheet();
    document.body.setAttribute('data-version', String(book.version));
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
    const stats = new Map<unknown, { min: number; max: number }>();
    for (const rule of sheet.colourRules) {
      if (rule.when !== 'gradient') continue;
      const nums: number[] = [];
      for (let y = rule.range.row; y < rule.range.row + rule.range.rows; y++) for (let x = rule.range.column; x < rule.range.column + rule.range.columns; x++) {
        const v = sheet.rows[y - 1]?.[x - 1];
        if (typeof v === 'number') nums.push(v);
      }
      if (nums.length) stats.set(rule, { min: Math.min(...nums), max: Math.max(...nums) });
    }
    const picked = this.book?.selection && this.book.selection.sheetId === sheet.id ? this.book.selection.ranges : [];
    const isPicked = (r: number, c: number): boolean => picked.some((g) => r >= g.row && r < g.row + g.rows && c >= g.column && c < g.column + g.columns);
    // Fixed column widths, as in Sheets: 100 px unless the sheet sets one; long text is cut at the cell's edge.
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
        const td = h('td', { 'data-cell': `${letters(c)}${r}` }, display(value, format));
        const k = `${r},${c}`;
        if (typeof value === 'number') td.className = 'num';
        // Text runs on over empty neighbours, as in Sheets.
        else if (typeof value === 'string' && value && (sheet.rows[r - 1]?.[c] ?? '') === '') td.className = 'spill';
        if (sheet.errors[k]) {
          td.className = 'err';
          td.title = sheet.errors[k];
          td.setAttribute('data-error', sheet.errors[k]);
        }
        if (sheet.formulas[k]) td.setAttribute('data-formula', sheet.formulas[k]);
        const bg = ruleBackground(sheet.colourRules, r, c, value, stats);
        if (bg) td.style.background = bg;
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
    this.input.value = formula ?? (typeof value === 'string' && /^[=']/.test(value) ? `'${value}` : display(value, typeof value === 'object' ? '' : 'General'));
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
      const index = Math.min(open[2].split(',').length - 1, fn.params.length - 1);
      const signature = h('div', { class: 'signature' }, `${fn.name}(`);
      fn.params.forEach((p, i) => {
        const label = `${p.optional ? '[' : ''}${p.name}${p.repeats ? ', …' : ''}${p.optional ? ']' : ''}`;
        signature.appendChild(i === index ? h('b', {}, label) : document.createTextNode(label));
        if (i < fn.params.length - 1) signature.appendChild(document.createTextNode(', '));
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
