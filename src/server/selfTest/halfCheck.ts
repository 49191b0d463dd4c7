// Self-test checks of how the sidebar half is loaded: its text comes back from HtmlService as the build wrote it,
// and code made from text runs.

import { checkHalf, halfScript, readSidebarHalf, type HalfDigest } from '../sidebarHalf';

/** Reads the half again and compares its length and hash with the ones the build recorded in lib.js. */
export function checkSidebarHalf(recorded: HalfDigest | undefined): string {
  if (!recorded) throw new Error('lib.js holds no recorded length and hash: it was not made by npm run build');
  const got = checkHalf(halfScript(readSidebarHalf()), recorded);
  return `${got.length} characters, hash ${got.hash}, as the build recorded`;
}

export function checkNewFunction(): string {
  const sum = new Function('a', 'b', 'return a + b') as (a: number, b: number) => number;
  const got = sum(2, 3);
  if (got !== 5) throw new Error(`new Function('a', 'b', 'return a + b')(2, 3) gave ${String(got)}, not 5`);
  return "new Function('a', 'b', 'return a + b')(2, 3) gave 5";
}
