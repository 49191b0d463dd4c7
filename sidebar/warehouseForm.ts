// The warehouse source's fields: a BigQuery table and billing project, or a DuckDB file path, and "Read columns",
// which describes the table on the server and hands the answer to the same mapping and metric views as a sheet's.

import type { State, Table } from './app';
import { el, option, replaceChildren } from './dom';
import type { MessageKey } from './i18n/catalogue';
import type { RpcClient } from './rpc';
import type { StatusLine } from './status';
import { SAMPLE_FILES, warehouseRequest, type Engine } from './warehouse';

export class WarehouseForm {
  private readonly table = el('input', { attrs: { id: 'warehouse-table', type: 'text', spellcheck: 'false', autocomplete: 'off' } });
  private readonly billing = el('input', { attrs: { id: 'billing-project', type: 'text', spellcheck: 'false', autocomplete: 'off' } });
  private readonly samples = el('datalist', { attrs: { id: 'warehouse-samples' } }, ...SAMPLE_FILES.map((f) => option(f, f)));
  private readonly fields = el('div', {});
  private readonly found = el('p', { class: 'hint', attrs: { id: 'warehouse-found' } });
  readonly node: HTMLElement = el('div', { attrs: { id: 'warehouse-source', role: 'tabpanel', hidden: true } });

  constructor(private readonly state: State, private readonly client: RpcClient, private readonly status: StatusLine, private readonly onTable: (table: Table) => void) {
    for (const input of [this.table, this.billing]) {
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') void this.read();
      });
    }
    const read = el('button', { class: 'btn small', attrs: { id: 'read-columns', type: 'button' }, on: { click: () => this.read() } }, this.t('warehouse.read'));
    replaceChildren(this.node, this.fields, el('div', { class: 'row end' }, this.found, read));
  }

  private t(key: MessageKey, values?: Record<string, string | number>): string {
    return this.state.t(key, values);
  }

  private field(label: MessageKey, control: HTMLElement, hint?: string): HTMLElement {
    return el('label', { class: 'field' }, el('span', { class: 'label' }, this.t(label)), control, hint ? el('span', { class: 'hint' }, hint) : null);
  }

  /** Shows the fields of `engine`'s source (or hides the form for the spreadsheet's own sheets). */
  show(engine: Engine | undefined): void {
    this.node.hidden = !engine;
    this.found.textContent = '';
    if (!engine) return;
    if (engine === 'bigquery') {
      this.table.placeholder = 'project.dataset.table';
      this.table.removeAttribute('list');
      this.billing.placeholder = 'my-project-123';
      replaceChildren(this.fields,
        this.field('source.fromBigQuery', this.table),
        this.field('warehouse.billingProject', this.billing, this.t('warehouse.billingHint')));
    } else {
      this.table.placeholder = SAMPLE_FILES[0];
      this.table.setAttribute('list', 'warehouse-samples');
      replaceChildren(this.fields,
        this.field('warehouse.file', this.table, this.t('warehouse.fileHint', { example: [SAMPLE_FILES[0], SAMPLE_FILES[SAMPLE_FILES.length - 1]].join(', ') })), this.samples);
    }
  }

  /** Describes the typed table on the server; the answer goes to `onTable`. */
  private async read(): Promise<void> {
    const engine = this.state.sourceKind;
    if (engine === 'sheet') return;
    const made = warehouseRequest(engine, this.table.value, this.billing.value);
    if ('error' in made) return this.status.showError(this.t(made.error));
    await this.status.run(this.t('warehouse.reading'), async () => {
      const table = await this.client.call('describeWarehouse', made.request);
      this.found.textContent = this.t('warehouse.found', { count: table.columns.length });
      this.onTable(table);
      this.status.clear();
    });
  }
}
