// Parameter kinds for outcome and status columns: word-list overrides and a column classified against them.

import type { Column } from '../core/columns';
import { isDate, MetricError, messages } from '../core/errors';
import { BLANK_CODE, DEFAULT_LOST, DEFAULT_WON, sharedWord, splitWords, wordClassifier } from '../core/outcomes';
import { coerceText, isBlank, type Cell } from '../core/values';
import { asRange } from './ranges';
import type { Param } from './spec';

/** A column classified against word lists: -1 blank, 0 none of them, k for list k (1-based). */
export type CodeColumn = Column<Int8Array>;

type Earlier = Record<string, unknown>;

const quoted = (words: readonly string[]): string => `"${words.join(', ')}"`;

/**
 * An optional list of words (one cell "won, signed" or a range of words), matched case-insensitively;
 * left out, it is `defaults`.
 */
export function wordList<N extends string>(name: N, description: string, defaults: readonly string[]): Param<N, ReadonlySet<string>> {
  const fallback: ReadonlySet<string> = new Set(defaults.flatMap(splitWords));
  return {
    name, description, type: 'text', optional: true, defaultText: quoted(defaults),
    fallback: () => fallback,
    coerce(raw, call) {
      const words = new Set<string>();
      for (const row of asRange(raw)) {
        for (const cell of row) {
          if (isBlank(cell)) continue;
          const text = coerceText(cell);
          if (text.ok) for (const w of splitWords(text.value)) words.add(w);
        }
      }
      if (!words.size) throw new MetricError(messages.emptyWordList(call.fn, name));
      return words;
    },
  };
}

/** The text a non-blank cell is matched as: booleans as TRUE/FALSE, numbers and dates as their text. */
function cellText(cell: Cell): string {
  if (typeof cell === 'string') return cell;
  if (isDate(cell) && Number.isNaN(cell.getTime())) return 'an invalid date';
  const text = coerceText(cell);
  return text.ok ? text.value : '';
}

/**
 * A range of outcome or status text, classified against the word lists named by `lists` (parameters
 * coerced earlier, each a word set). A word in two lists is an error, since the row could not be both.
 */
export function classified<N extends string>(
  name: N, description: string, lists: readonly { param: string; label: string }[],
): Param<N, CodeColumn> {
  return {
    name, description, type: 'range', optional: false,
    coerce(raw, call, earlier: Earlier) {
      const sets = lists.map((l) => earlier[l.param] as ReadonlySet<string>);
      for (let a = 0; a < sets.length; a++) {
        for (let b = a + 1; b < sets.length; b++) {
          const word = sharedWord(sets[a], sets[b]);
          if (word !== undefined) throw new MetricError(messages.wordInTwoLists(call.fn, word, lists[a].label, lists[b].label));
        }
      }
      const classify = wordClassifier(sets);
      const range = asRange(raw);
      const rows = range.length;
      const columns = rows ? range[0].length : 0;
      const values = new Int8Array(rows * columns);
      for (let r = 0, i = 0; r < rows; r++) {
        const row = range[r];
        for (let c = 0; c < columns; c++, i++) {
          const cell = row[c];
          values[i] = isBlank(cell) ? BLANK_CODE : classify(cellText(cell));
        }
      }
      return { param: name, values, rows, columns };
    },
  };
}

export const wonWords = wordList('won', 'Outcomes that count as won (one cell "won, signed" or a range of words).', DEFAULT_WON);
export const lostWords = wordList('lost', 'Outcomes that count as lost (one cell "lost, dropped" or a range of words).', DEFAULT_LOST);
