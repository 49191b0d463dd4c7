// The shape of one language's custom-function error texts: templates by key, and the words their parameters carry.

import type { ErrorKey } from './en';

export interface ErrorCatalogue {
  /** A template per message key, with the English template's {placeholders}; plurals by the language's categories. */
  templates: Partial<Record<ErrorKey, string>>;
  /** How number bounds read after a noun ("scores from 0 to 10", "counts of 0 or more") and a dated noun ("dated scores"). */
  limits: { between: string; atLeast: string; atMost: string; dated: string };
  /** Phrases that parameters carry in English ("scores", "won deals with an amount"), by their English text. */
  phrases: Readonly<Record<string, string>>;
}
