// The saved-reports list: every build is saved in the document; any collaborator can refresh or delete one.

import { showCivil } from '../src/core/dateText';
import { refreshOrder } from '../src/server/reports/refreshAll';
import { explain, type State } from './app';
import { el, replaceChildren } from './dom';
import type { RpcClient } from './rpc';
import type { StatusLine } from './status';

/**
 * A report's time (an ISO instant) as the day and time in the spreadsheet's time zone, in the user's language and
 * the Gregorian calendar the sheet's dates use; where this browser does not know the zone, in UTC, saying so.
 */
export function reportTime(iso: string | undefined, language: string, timeZone: string): string {
  if (!iso) return '';
  const instant = Date.parse(iso);
  if (isNaN(instant)) return iso;
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone, calendar: 'gregory' }).format(instant);
  } catch {
    return `${showCivil(instant)} UTC`;
  }
}

export class ReportsView {
  readonly node = el('div', { attrs: { id: 'reports' } });

  constructor(private readonly state: State, private readonly client: RpcClient, private readonly status: StatusLine) {}

  /** Reloads the list; with progress as a user action, or quietly after another action. */
  async load(withProgress = true): Promise<void> {
    const load = async () => {
      const { reports } = await this.client.call('listReports', {});
      this.state.reports = reports;
      this.render();
      return true;
    };
    if (withProgress) {
      const ok = await this.status.run(this.state.t('loading'), load);
      if (ok) this.status.clear();
    } else {
      try {
        await load();
      } catch (e) {
        this.status.showError(explain(this.state, e));
      }
    }
  }

  private render(): void {
    const t = this.state.t;
    const reports = this.state.reports;
    if (!reports.length) {
      replaceChildren(this.node, el('p', { class: 'hint', attrs: { id: 'no-reports' } }, t('reports.empty')));
      return;
    }
    replaceChildren(this.node, el('ul', { class: 'reports' }, ...reports.map((entry) => {
      const { report } = entry;
      const refresh = el('button', { class: 'btn small', attrs: { type: 'button', 'data-refresh': report.id } }, t('action.refresh'));
      const remove = el('button', { class: 'btn small danger', attrs: { type: 'button', 'data-delete': report.id } }, t('action.delete'));
      const item = el('li', { class: 'report', attrs: { 'data-report': report.id } },
        el('div', { class: 'report-title' }, report.spec.title),
        el('div', { class: 'hint' }, entry.sheetName ?? t('reports.noTab'), ' · ', t('reports.refreshedAt', { when: reportTime(report.refreshedAt ?? report.createdAt, this.state.language, this.state.timeZone) })),
        el('div', { class: 'row end' }, refresh, remove));
      refresh.addEventListener('click', () => this.refresh(report.id));
      remove.addEventListener('click', () => this.confirmDelete(item, report.id, report.spec.title));
      return item;
    })));
  }

  private async refresh(id: string): Promise<void> {
    const result = await this.status.run(this.state.t('build.running'), () => this.client.call('refreshReport', { id }));
    if (!result) return;
    await this.load(false);
    this.status.showBuilt(result, this.state.t('reports.refreshed'));
  }

  private confirmDelete(item: HTMLElement, id: string, title: string): void {
    const t = this.state.t;
    if (item.querySelector('.confirm')) return;
    const alsoTab = el('input', { attrs: { type: 'checkbox', 'data-delete-tab': id } });
    const yes = el('button', { class: 'btn small danger', attrs: { type: 'button', 'data-confirm': id } }, t('action.confirm'));
    const no = el('button', { class: 'btn small', attrs: { type: 'button' } }, t('action.cancel'));
    const box = el('div', { class: 'confirm' }, el('p', {}, t('reports.confirmDelete', { name: title })),
      el('label', { class: 'check' }, alsoTab, el('span', {}, t('reports.deleteTab'))), el('div', { class: 'row end' }, no, yes));
    no.addEventListener('click', () => box.remove());
    yes.addEventListener('click', async () => {
      const done = await this.status.run(t('working'), () => this.client.call('deleteReport', { id, deleteSheet: alsoTab.checked }));
      if (!done) return;
      await this.load(false);
      this.status.showInfo(t('reports.deleted'));
    });
    item.appendChild(box);
  }

  /**
   * Refreshes every saved report, one server call each (each its own Apps Script execution, so no time limit is
   * reached however many there are), least recently refreshed first, showing which one is running; Stop ends the
   * run after the current report.
   */
  async refreshAll(): Promise<void> {
    const t = this.state.t;
    const queue = refreshOrder(this.state.reports.map((e) => e.report));
    let stopped = false;
    const stop = el('button', { class: 'btn small', attrs: { type: 'button', id: 'refresh-stop' } }, t('action.stop'));
    stop.addEventListener('click', () => { stopped = true; stop.setAttribute('disabled', ''); });
    const outcome = await this.status.run(t('loading'), async () => {
      const failed: { title: string; message: string }[] = [];
      let refreshed = 0;
      for (const [i, report] of queue.entries()) {
        if (stopped) break;
        this.status.showProgress(t('reports.refreshing', { n: i + 1, total: queue.length, title: report.spec.title }), stop);
        try {
          await this.client.call('refreshReport', { id: report.id });
          refreshed++;
        } catch (e) {
          failed.push({ title: report.spec.title, message: explain(this.state, e) });
        }
      }
      return { refreshed, failed, left: queue.length - refreshed - failed.length };
    });
    if (!outcome) return;
    await this.load(false);
    this.status.showInfo(t('reports.refreshedAll', { count: outcome.refreshed }),
      ...(outcome.left ? [t('reports.leftToRefresh', { count: outcome.left })] : []),
      ...outcome.failed.map((f) => el('p', { class: 'error-text' }, t('reports.failed', f))));
  }
}
