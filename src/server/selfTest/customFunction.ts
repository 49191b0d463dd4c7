// Self-test check: a custom function's top-level stub (dist/stubs.js) runs end to end on cells read from the
// scratch sheet, and its error message names the function.

import { messageOf } from './report';
import type { Scratch } from './scratch';

type Stub = (...args: unknown[]) => unknown;

export function checkCustomFunction(scratch: Scratch): string {
  const nps = (globalThis as unknown as Record<string, unknown>).NPS;
  if (typeof nps !== 'function') throw new Error('there is no top-level function NPS: dist/stubs.js is not in the project');
  const { id } = scratch.sheet();
  const range = { row: 1, column: 3, rows: 5, columns: 1 };
  scratch.wb.writeBlock(id, { ...range, values: [[10], [9], [8], [3], ['']] });
  const cells = scratch.wb.readValues(id, range);
  const got = (nps as Stub)(cells);
  if (got !== 25) throw new Error(`NPS of 10, 9, 8, 3 and a blank cell gave ${JSON.stringify(got)}, not 25`);
  let message = '';
  try {
    (nps as Stub)([['abc']]);
  } catch (e) {
    message = messageOf(e);
  }
  if (!message.startsWith('NPS:')) throw new Error(`NPS of "abc" should fail with a message starting "NPS:", got ${JSON.stringify(message)}`);
  return `NPS over 5 cells of the scratch sheet gave 25; a bad cell gave "${message}"`;
}
