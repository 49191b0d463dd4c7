// A custom function's error that stops a summary build, answered as metricFailed in the user's language.

import { MetricError } from '../../core/errors';
import { errorIn } from '../../core/errorTexts';
import type { Language } from '../../core/languages';
import { RpcError } from '../messages';

/** The metricFailed answer for `error`: the function it names and its message in `language` (English where untranslated). */
export function metricFailed(error: MetricError, language: Language): RpcError {
  const fn = error.said.params.fn;
  return new RpcError('metricFailed', { metric: typeof fn === 'string' ? fn : error.message.split(':')[0], message: errorIn(error.said, language) });
}

/** Runs `build`, turning a custom function's error that escapes it into the metricFailed answer in `language`. */
export function answeringMetricErrors<T>(language: Language, build: () => T): T {
  try {
    return build();
  } catch (e) {
    throw e instanceof MetricError ? metricFailed(e, language) : e;
  }
}
