// Fills a message template: {name} takes a parameter (a nested message renders in turn), {n|one:…|other:…} a plural.

/** A parameter of a message: text, a number, or a nested message (a cell position, a hint). */
export type Param = string | number | Said;
export type Params = { [name: string]: Param };

/** A message by key: its parameters and its English text (what a cell's #ERROR! tooltip shows). */
export interface Said {
  key: string;
  params: Params;
  message: string;
}

/** The plural category of a count in one language ('one', 'few', 'many', 'other'). */
export type PluralOf = (n: number) => string;

/** How a template finds a nested message's template, the plural category and each text parameter's wording. */
export interface Wording {
  template(key: string): string;
  plural: PluralOf;
  /** A text parameter's words in the language (a phrase such as "scores"); the text itself when none. */
  phrase?(name: string, text: string): string;
}

/** Renders `key` with `params` through `wording`; a plural picks its category, else `other`, else its last form. */
export function fill(key: string, params: Params, wording: Wording): string {
  return wording.template(key).replace(/\{(\w+)(?:\|([^{}]*))?\}/g, (whole, name: string, forms?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (forms !== undefined) {
      const byCategory = forms.split('|').map((f) => f.split(/:(.*)/s));
      const category = wording.plural(Number(typeof value === 'object' ? NaN : value));
      return (byCategory.find((f) => f[0] === category) ?? byCategory.find((f) => f[0] === 'other') ?? byCategory[byCategory.length - 1])[1] ?? '';
    }
    if (typeof value === 'object') return fill(value.key, value.params, wording);
    return typeof value === 'string' && wording.phrase ? wording.phrase(name, value) : String(value);
  });
}
