// The source choice at the top of the sidebar as WAI-ARIA tabs: this spreadsheet, or the warehouse table the
// spreadsheet can run. Tab reaches the chosen one; arrows, Home and End move between them; Enter or Space picks one.

import { el } from './dom';

export interface SourceTab<K extends string> {
  kind: K;
  label: string;
  /** The id of the panel the tab shows. */
  panel: string;
}

/** A tab list calling `choose` with the kind picked (also when it is picked again); a choice it refuses (false) is undone. */
export function sourceTabs<K extends string>(label: string, tabs: SourceTab<K>[], chosen: K, choose: (kind: K) => boolean): HTMLElement {
  const nodes = tabs.map((tab) => el('div', {
    class: 'tab', attrs: { role: 'tab', id: `source-${tab.kind}`, 'data-source': tab.kind, 'aria-controls': tab.panel },
  }, tab.label));
  const select = (i: number, focus: boolean): void => {
    if (!choose(tabs[i].kind)) return;
    nodes.forEach((n, k) => {
      n.setAttribute('aria-selected', String(k === i));
      n.tabIndex = k === i ? 0 : -1;
    });
    if (focus) nodes[i].focus();
  };
  nodes.forEach((n, i) => {
    n.setAttribute('aria-selected', String(tabs[i].kind === chosen));
    n.tabIndex = tabs[i].kind === chosen ? 0 : -1;
    n.addEventListener('click', () => select(i, true));
    n.addEventListener('keydown', (e) => {
      const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: nodes.length - 1 }[e.key];
      if (to !== undefined) select((to + nodes.length) % nodes.length, true);
      else if (e.key === 'Enter' || e.key === ' ') select(i, false);
      else return;
      e.preventDefault();
    });
  });
  return el('div', { class: 'tabs', attrs: { role: 'tablist', id: 'source-kind', 'aria-label': label } }, ...nodes);
}
