// Rows grouped by a text key: dense integer codes per distinct key, so per-group figures live in typed arrays.

/** Each row's key as a code 0..keys.length-1 in order of first appearance; -1 marks a blank key. */
export interface KeyCodes {
  codes: Int32Array;
  keys: string[];
}

/** Codes the keys of `values` ("" is blank), in one pass with one Map. */
export function codeKeys(values: readonly string[]): KeyCodes {
  const codes = new Int32Array(values.length);
  const index = new Map<string, number>();
  const keys: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === '') {
      codes[i] = -1;
      continue;
    }
    let code = index.get(v);
    if (code === undefined) {
      code = keys.length;
      index.set(v, code);
      keys.push(v);
    }
    codes[i] = code;
  }
  return { codes, keys };
}

/** Rows grouped by key: the keys sorted (numbers in text compared as numbers), blanks last under `blankLabel`. */
export interface RowGroups {
  labels: string[];
  rows: Int32Array[];
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

/** The rows of each distinct key of `values`, keys in sorted order, blank rows grouped last as `blankLabel`. */
export function groupRows(values: readonly string[], blankLabel: string): RowGroups {
  return groupCodes(codeKeys(values), blankLabel);
}

/** The same grouping from keys already coded. */
export function groupCodes({ codes, keys }: KeyCodes, blankLabel: string): RowGroups {
  const sizes = new Int32Array(keys.length + 1);
  const blank = keys.length;
  for (let i = 0; i < codes.length; i++) sizes[codes[i] < 0 ? blank : codes[i]]++;
  const rows = Array.from(sizes, (n) => new Int32Array(n));
  const fill = new Int32Array(keys.length + 1);
  for (let i = 0; i < codes.length; i++) {
    const g = codes[i] < 0 ? blank : codes[i];
    rows[g][fill[g]++] = i;
  }
  const order = sortedKeyOrder(keys);
  if (sizes[blank]) order.push(blank);
  return { labels: order.map((k) => (k === blank ? blankLabel : keys[k])), rows: order.map((k) => rows[k]) };
}

/** The codes 0..keys.length-1 in the order their keys sort (numbers in text by value, then exactly). */
export function sortedKeyOrder(keys: readonly string[]): number[] {
  return keys.map((_, k) => k).sort((a, b) => collator.compare(keys[a], keys[b]) || (keys[a] < keys[b] ? -1 : 1));
}
