// The sidebar's status line and its one-action-at-a-time runner: progress while working, results and errors after.

import type { z } from 'zod/mini';
import type { BuildResultSchema } from '../src/server/rpc/contract';
import { explain, translateMessage, type State } from './app';
import { el, replaceChildren } from './dom';

export type BuildResult = z.output<typeof BuildResultSchema>;

export class StatusLine {
  private busy = false;

  constructor(private readonly root: HTMLElement, readonly node: HTMLElement, private readonly state: State) {}

  /** A progress bar and the step running, with optional controls (a Stop button) under it. */
  showProgress(text: string, ...controls: HTMLElement[]): void {
    replaceChildren(this.node, el('div', { class: 'progress', attrs: { role: 'progressbar', 'aria-busy': 'true' } }, el('span', {})),
      el('p', { class: 'step', attrs: { 'aria-live': 'polite' } }, text), ...controls);
    this.node.className = 'status busy';
  }

  clear(): void {
    replaceChildren(this.node);
    this.node.className = 'status';
  }

  showError(text: string): void {
    replaceChildren(this.node, el('p', { class: 'error-text', attrs: { role: 'alert' } }, text));
    this.node.className = 'status error';
    this.reveal();
  }

  showInfo(...lines: (string | HTMLElement)[]): void {
    replaceChildren(this.node, ...lines.map((l) => (typeof l === 'string' ? el('p', {}, l) : l)));
    this.node.className = 'status ok';
    this.reveal();
  }

  /** A finished build: the tab's name, the metrics on it, and the server's notes in the user's language. */
  showBuilt(result: BuildResult, ...more: string[]): void {
    const notes = result.warnings.map((w) => el('li', {}, translateMessage(this.state, 'warning', w)));
    this.showInfo(
      el('p', { class: 'done', attrs: { id: 'build-done' } }, this.state.t('build.done', { sheet: result.sheetName })),
      el('p', { class: 'hint' }, result.metrics.join(', ')),
      notes.length ? el('div', { class: 'notes' }, el('strong', {}, this.state.t('build.notes')), el('ul', {}, ...notes)) : el('span', {}),
      ...more,
    );
  }

  /** Scrolls the status into view (the user may have clicked far above or below it). */
  private reveal(): void {
    if (typeof this.node.scrollIntoView === 'function') this.node.scrollIntoView({ block: 'nearest' });
  }

  /** Runs one user action at a time: controls disabled, progress shown, errors in plain words. */
  async run<T>(progress: string, action: () => Promise<T>): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    const controls = (disabled: boolean): void =>
      this.root.querySelectorAll('button, select, input').forEach((c) => ((c as HTMLButtonElement).disabled = disabled));
    this.root.classList.add('busy');
    controls(true);
    this.showProgress(progress);
    try {
      return await action();
    } catch (e) {
      this.showError(explain(this.state, e));
      return undefined;
    } finally {
      this.busy = false;
      this.root.classList.remove('busy');
      controls(false);
    }
  }
}
