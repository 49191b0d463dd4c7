// A build under the title of a saved report of the same sheet: the server answers reportExists, the sidebar asks
// whether to replace that report (rebuilt in place: same id, same tab) or keep both (a new report, "Title (2)").

import type { ReportSpec } from '../src/server/rpc/contract';
import type { State } from './app';
import { RpcError, type RpcClient } from './rpc';
import type { BuildResult, StatusLine } from './status';

/** What the first build call gave: the built summary, or the saved report whose title it would repeat. */
export type FirstTry = { built: BuildResult } | { clash: { id: string; title: string } };

/** Builds a new report, asking the server to stop at a saved report of the same title and source. */
export async function buildOrClash(client: RpcClient, spec: ReportSpec): Promise<FirstTry> {
  try {
    return { built: await client.call('buildSummary', { spec, ifExists: 'ask' }) };
  } catch (e) {
    if (e instanceof RpcError && e.key === 'reportExists') return { clash: { id: String(e.params.id), title: String(e.params.title) } };
    throw e;
  }
}

/** Asks replace / keep both / cancel under the status line, then builds as chosen; undefined when cancelled or failed. */
export async function resolveClash(state: State, client: RpcClient, status: StatusLine, spec: ReportSpec, clash: { id: string; title: string }): Promise<BuildResult | undefined> {
  const t = state.t;
  const choice = await status.ask([t('error.reportExists', { title: clash.title }), t('reports.replaceOrKeep')], [
    { id: 'replace', label: t('action.replace'), primary: true },
    { id: 'keep-both', label: t('action.keepBoth') },
    { id: 'cancel', label: t('action.cancel') },
  ]);
  if (choice === 'cancel') {
    status.clear();
    return undefined;
  }
  return status.run(t('build.running'), () =>
    client.call('buildSummary', choice === 'replace' ? { spec, reportId: clash.id } : { spec, ifExists: 'keepBoth' }));
}
