// A custom function's own error reaches the sidebar in the user's language: as the reason a metric is not offered,
// and as the metricFailed answer when it stops a build.

import { MetricError, messages } from '../../../src/core/errors';
import { answeringMetricErrors, metricFailed } from '../../../src/server/rpc/metricFailed';
import { rpcHandlers } from '../../../src/server/rpc/handlers';
import { InMemoryWorkbook } from '../../../src/server/sheets/inMemory';
import { NOW } from '../helpers';

/** The NPS option detected on a sheet holding the out-of-range score 12, for a user of `locale`. */
function npsReason(locale: string): string | undefined {
  const wb = new InMemoryWorkbook([{ name: 'Notes', values: [['hello']] }]);
  wb.locale = locale;
  const sheet = wb.addSheet('Bad scores', [['Date', 'NPS score'], [new Date(Date.UTC(2025, 0, 2)), 9], [new Date(Date.UTC(2025, 0, 3)), 12]]);
  const got = rpcHandlers(wb, { now: () => NOW }).detectTable({ sheetId: sheet.id });
  if (!got.ok) throw new Error(got.error.message);
  return got.data.metrics.find((m) => m.name === 'NPS')?.reason;
}

describe('function errors in the sidebar', () => {
  it('gives the reason a metric is not offered in the user’s language', () => {
    expect(npsReason('en_US')).toBe('NPS: 1 value is not scores from 0 to 10 (first: 12 in row 2 of scores)');
    expect(npsReason('cs_CZ')).toBe('NPS: 1 hodnota je neplatná (očekáváno: skóre od 0 do 10; první: 12 v řádku 2 argumentu scores)');
    expect(npsReason('ru')).toBe('NPS: 1 значение не подходит (ожидается: оценки от 0 до 10; первое: 12 в строке 2 аргумента scores)');
  });

  it('answers a build stopped by a function’s error with metricFailed in the user’s language', () => {
    const stopped = () => answeringMetricErrors('pl', () => {
      throw new MetricError(messages.noData('WIN_RATE', 'won or lost deals'));
    });
    expect(stopped).toThrow(expect.objectContaining({
      key: 'metricFailed', params: { metric: 'WIN_RATE', message: 'WIN_RATE: brak danych do obliczeń (wygrane lub przegrane transakcje)' },
    }));
  });

  it('names the function of an error raised as bare text, and keeps its English', () => {
    expect(metricFailed(new MetricError('CHURN: unexpected result'), 'th').params).toEqual({ metric: 'CHURN', message: 'CHURN: unexpected result' });
  });

  it('lets other errors through', () => {
    expect(() => answeringMetricErrors('cs', () => {
      throw new TypeError('boom');
    })).toThrow(TypeError);
    expect(answeringMetricErrors('cs', () => 7)).toBe(7);
  });
});
