// The self-test's report: runs one check (timed, its error caught) and shows every result in the execution log
// and in a dialog (text only: escaped, never read as HTML).

import type { ItemText } from './items';

export interface ItemResult extends ItemText {
  passed: boolean;
  /** What the check saw, or why it failed. */
  detail: string;
  ms: number;
}

export interface SelfTestReport {
  passed: boolean;
  /** Milliseconds from the start of the self-test to its report. */
  ms: number;
  items: ItemResult[];
  /** The report as shown in the dialog and the execution log. */
  text: string;
}

/** An error's message, whichever realm made it (a host error need not be this script's Error). */
export const messageOf = (e: unknown): string => (typeof e === 'object' && e !== null && 'message' in e ? String((e as Error).message) : String(e));

/** Runs a check, which returns what it saw or throws saying what went wrong. */
export function runItem(item: ItemText, check: () => string): ItemResult {
  const start = Date.now();
  let passed = true;
  let detail: string;
  try {
    detail = check();
  } catch (e) {
    passed = false;
    detail = messageOf(e);
  }
  return { ...item, passed, detail, ms: Date.now() - start };
}

/** One item as text: the verdict and detail, and for a failure what it means and what to do on lines of their own. */
function itemText(r: ItemResult): string {
  const head = `${r.passed ? 'passed' : 'FAILED'}  ${r.name}: ${r.detail} (${r.ms} ms)`;
  return r.passed ? head : `${head}\n        What it means: ${r.means}\n        What to do: ${r.todo}`;
}

/** Text as HTML that shows it verbatim: markup escaped, and slashes too, so HtmlService finds nothing comment-like. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'/]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Writes the report to the execution log and, where there is a UI, to a dialog; returns it. */
export function showReport(started: number, items: ItemResult[], note?: string): SelfTestReport {
  const failed = items.filter((r) => !r.passed).length;
  const ms = Date.now() - started;
  const head = `CRM Metrics self-test: ${failed ? `${failed} of ${items.length} FAILED` : `all ${items.length} passed`} in ${(ms / 1000).toFixed(1)} s.`;
  // One log entry per item, so the execution log lists them as the dialog does.
  const entries = [head, ...(note ? [note] : []), ...items.map(itemText)];
  for (const entry of entries) console.log(entry);
  const text = entries.join('\n');
  try {
    const html = HtmlService.createHtmlOutput(`<pre style="white-space:pre-wrap;font:12px monospace">${escapeHtml(text)}</pre>`).setWidth(760).setHeight(520);
    SpreadsheetApp.getUi().showModalDialog(html, 'CRM Metrics self-test');
  } catch (e) {
    // Run from the Apps Script editor there may be no UI: the execution log above has it all.
    console.log(`(no dialog: ${messageOf(e)})`);
  }
  return { passed: !failed, ms, items, text };
}
