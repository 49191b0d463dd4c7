// Server answers that name a cause and its fix, as the sidebar words them: the metric by its name in the user's
// language, the function's own message, and how many more metrics failed.

import { applyTable, explain, initialState, type Table } from '../../sidebar/app';
import { RpcError } from '../../sidebar/rpc';

const table = {
  source: { sheetId: 3, sheetName: 'Surveys', range: 'A1:C13', hasHeader: true },
  rows: 12, columns: [], mapping: { score: 1 }, kind: 'surveys', notes: [],
  metrics: [{ name: 'NPS', category: 'Surveys', label: 'Net Promoter Score (NPS)', summary: '', format: 'points', needs: [['score']], trendNeeds: [], available: true, ofKind: true, kinds: ['surveys'] }],
} as unknown as Table;

const failed = (others: number) => new RpcError('metricsFailedChecks', {
  name: 'NPS', metric: 'Net Promoter Score', message: 'NPS: 12 values are not scores from 0 to 10 (first: "SMB" in row 1 of scores)', others,
}, 'English fallback');

it('names the failed metric by its label, quotes its check and says the fix', () => {
  const state = initialState('cs');
  applyTable(state, table);
  expect(explain(state, failed(0))).toBe('Net Promoter Score (NPS) nelze spočítat: NPS: 12 values are not scores from 0 to 10 (first: "SMB" in row 1 of scores). '
    + 'Opravte tyto buňky ve zdrojovém listu (Zkontrolovat data je najde a označí), nebo přiřaďte jiný sloupec, a souhrn vytvořte znovu.');
});

it('adds how many more chosen metrics failed', () => {
  const state = initialState('en');
  applyTable(state, table);
  expect(explain(state, failed(2))).toMatch(/then build again\. More chosen metrics failed their checks too: 2\.$/);
});

it('says where the data ends for a header row past it, and what span the data covers for From/To outside it', () => {
  const state = initialState('pl');
  expect(explain(state, new RpcError('headerPastData', { sheet: 'Deals', row: 5000, lastRow: 151 }, '')))
    .toBe('Wiersz nagłówka 5000 leży poniżej ostatniego wiersza z danymi w arkuszu „Deals” (wiersz 151). Ustaw wiersz nagłówka na wiersz z nazwami kolumn (zwykle 1).');
  expect(explain(initialState('en'), new RpcError('outsideData', { from: '2030-01-01', to: '2030-06-30', first: '2024-12-01', last: '2026-11-30' }, '')))
    .toBe('There is no data from 2030-01-01 to 2030-06-30: the data covers 2024-12-01 to 2026-11-30. Set From and To inside that span, or clear them to use all the data.');
  expect(explain(initialState('ru'), new RpcError('noDataRows', { sheet: 'Пусто', row: 1 }, '')))
    .toBe('На листе «Пусто» в строке 1 есть названия столбцов, но под ними нет строк с данными. Добавьте данные под заголовки или выберите другой лист.');
});
