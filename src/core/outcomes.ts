// Outcome and status words: case-insensitive word lists, their defaults, and classifying text against them.

/** The code of a blank cell in a classified column; 0 is "none of the lists", k the k-th list (1-based). */
export const BLANK_CODE = -1;
export const OTHER_CODE = 0;
/** The code of a cell found in the only list of a one-list classification (lead statuses: converted). */
export const MATCH_CODE = 1;

/** Codes of a deal outcome column classified against [won words, lost words]: anything else is open. */
export const OUTCOME = { blank: BLANK_CODE, open: OTHER_CODE, won: 1, lost: 2 } as const;

export const DEFAULT_WON: readonly string[] = ['won', 'closed won'];
export const DEFAULT_LOST: readonly string[] = ['lost', 'closed lost'];

/** A word as it is compared: trimmed, lower case, with runs of spaces, "-" and "_" read as one space. */
export function normaliseWord(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/** Splits a user's word list ("won, signed", "won; signed" or "won | signed"), normalised, blanks left out. */
export function splitWords(text: string): string[] {
  return text.split(/[,;|]/).map(normaliseWord).filter((w) => w !== '');
}

/** A word found in both sets, or undefined. */
export function sharedWord(a: ReadonlySet<string>, b: ReadonlySet<string>): string | undefined {
  for (const w of a) if (b.has(w)) return w;
  return undefined;
}

/**
 * Classifies a text against word sets: k (1-based) for the first set holding its normalised form, 0 for none.
 * Each distinct text is looked up once, so long columns of a few statuses cost one Map lookup a row.
 */
export function wordClassifier(sets: readonly ReadonlySet<string>[]): (text: string) => number {
  const seen = new Map<string, number>();
  return (text) => {
    let code = seen.get(text);
    if (code === undefined) {
      const word = normaliseWord(text);
      code = OTHER_CODE;
      for (let k = 0; k < sets.length; k++) {
        if (sets[k].has(word)) {
          code = k + 1;
          break;
        }
      }
      seen.set(text, code);
    }
    return code;
  };
}
