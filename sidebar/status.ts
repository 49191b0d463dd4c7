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

  /**
   * A question with buttons under it (the first focused, so Enter answers it from the keyboard); resolves with the
   * id of the button pressed.
   */
  ask(lines: string[], choices: { id: string; label: string; primary?: boolean }[]): Promise<string> {
    return new Promise((resolve) => {
      const buttons = choices.map((c) => el('button', {
        class: c.primary ? 'btn small primary' : 'btn small', attrs: { type: 'button', 'data-choice': c.id },
        on: { click: () => resolve(c.id) },
      }, c.label));
      replaceChildren(this.node, el('div', { class: 'question', attrs: { role: 'alertdialog', 'aria-label': lines[0] } },
        ...lines.map((l) => el('p', {}, l)), el('div', { class: 'row end wrap' }, ...buttons)));
      this.node.className = 'status ask';
      this.reveal();
      buttons[0]?.focus();
    });
  }

  /** A finished build: the tab's name, the metrics on it, and the server's notes in the user's language. */
  showBuilt(result: BuildResult, ...more: string[]): void {
    const notes = result.warnings.map((w) => el('li', {}, translateMessage(this.state, 'warning', w)));
    this.showInfo(
      el('p', { class: 'done', attrs: { id: 'build-done' } }, this.state.t('build.done', { sheet: result.sheetName })),
      el('p', { class: 'hint' }, result.metrics.map((name) => this.state.table?.metrics.find((m) => m.name === name)?.label ?? name).join(', ')),
      notes.length ? el('div', { class: 'notes' }, el('strong', {}, this.state.t('build.notes')), el('ul', {}, ...notes)) : el('span', {}),
      ...more,
    );
  }

  /** Scrolls the status into view (the user may have clicked far above or below it). */
  private reveal(): void {
    if (typeof this.node.scrollIntoView === 'function') this.node.scrollIntoView({ block: 'nearest' });
  }

  /**
   * Runs one user action at a time: controls disabled, progress shown, errors in plain words; the keyboard focus
   * goes back where it was (disabling a control drops its focus).
   */
  async run<T>(progress: string, action: () => Promise<T>): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    const focused = typeof document !== 'undefined' ? (document.activeElement as HTMLElement | null) : null;
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
      if (focused && focused.isConnected && focused !== document.body && typeof focused.focus === 'function') focused.focus({ preventScroll: true });
    }
  }
}
