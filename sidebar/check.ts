// The data-check report: each kind of problem with its count, first rows and a button that selects the cells.

import type { z } from 'zod/mini';
import type { CheckDataResponse } from '../src/server/rpc/contract';
import { translateMessage, type State } from './app';
import { el, replaceChildren } from './dom';
import type { RpcClient } from './rpc';
import type { StatusLine } from './status';

export type CheckResult = z.output<typeof CheckDataResponse>;

export function renderCheck(box: HTMLElement, result: CheckResult, sheetId: number, state: State, client: RpcClient, status: StatusLine): void {
  const t = state.t;
  box.hidden = false;
  const summary = result.issues.length ? t('check.summary', { rows: result.rows, kinds: result.issues.length }) : t('check.clean', { rows: result.rows });
  const issues = result.issues.map((issue) => {
    const select = el('button', { class: 'btn small', attrs: { type: 'button', 'data-select': issue.kind } }, t('action.selectCells'));
    select.addEventListener('click', async () => {
      const done = await status.run(t('working'), () => client.call('selectRange', { sheetId, ranges: issue.ranges }));
      if (done) status.showInfo(t('check.selected', { range: issue.ranges.join(', ') }));
    });
    return el('li', { class: 'issue', attrs: { 'data-kind': issue.kind } },
      el('div', { class: 'issue-title' }, translateMessage(state, 'issue', { key: issue.kind, params: { count: issue.count, column: issue.column ?? '' }, message: issue.message })),
      issue.column ? el('div', { class: 'hint' }, t('check.column', { column: issue.column })) : null,
      el('div', { class: 'count' }, t('check.count', { count: issue.count })),
      issue.rows.length ? el('div', { class: 'hint rows' }, t('check.firstRows', { rows: issue.rows.join(', ') })) : null,
      issue.ranges.length ? select : null);
  });
  replaceChildren(box, el('h2', {}, t('section.check')), el('p', { class: result.issues.length ? 'warn' : 'ok' }, summary),
    issues.length ? el('ul', { class: 'issues' }, ...issues) : null);
}
