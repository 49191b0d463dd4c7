// Outcome and status words: case-insensitive word lists, their defaults, and classifying text against them.
// NOTE (revenue/retention engineer, 18:34 UTC): this untracked file was overwritten by mistake and rebuilt from its
// imports (BLANK_CODE, splitWords, sharedWord, wordClassifier, OUTCOME); please check it against your version, then drop this note.

/** The code of a blank cell in a classified column. */
export const BLANK_CODE = -1;

/** Splits a user's word list ("won, signed" or "won; signed"), trimmed and lower-cased, blanks left out. */
export function splitWords(text: string): string[] {
  return text.split(/[,;|]/).map((w) => w.trim().toLowerCase()).filter((w) => w !== '');
}

/** A word found in both sets, or undefined. */
export function sharedWord(a: ReadonlySet<string>, b: ReadonlySet<string>): string | undefined {
  for (const w of a) if (b.has(w)) return w;
  return undefined;
}

/**
 * Classifies a text against word sets: k (1-based) for the first set holding its trimmed lower-cased form,
 * 0 for none. Each distinct text is looked up once, so long columns of a few statuses cost one Map lookup a row.
 */
export function wordClassifier(sets: readonly ReadonlySet<string>[]): (text: string) => number {
  const seen = new Map<string, number>();
  return (text) => {
    let code = seen.get(text);
    if (code === undefined) {
      const word = text.trim().toLowerCase();
      code = 0;
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

/** Codes of a deal outcome column classified against [won words, lost words]: anything else is open. */
export const OUTCOME = { blank: BLANK_CODE, open: 0, won: 1, lost: 2 } as const;
