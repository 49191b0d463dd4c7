// describeWarehouse's answer: a warehouse table's columns in detectTable's shape, the mapping proposed from their
// names and types by the same detection as a sheet's, and the metrics offered where each is also compiled to SQL.

import { detectMapping, type ColumnType, type RoleMapping } from '../../core/mapping/detect';
import { likeliestKind, type TableKind } from '../../core/mapping/kinds';
import type { Language, Translated } from '../../core/languages';
import type { Role } from '../../core/mapping/roles';
import { MEASURES } from '../../warehouse/measures';
import { splitCompiled } from '../../warehouse/query';
import { detectionCatalogue, metricOptions } from '../summary/offer';
import type { WarehouseColumn } from '../warehouse/describe';
import type { MetricOption, RpcData, WarehouseSource } from './contract';


/** Why a summary metric is not offered on (or is left out of) a warehouse query: it does not compile on these columns. */
const NOT_ON_WAREHOUSE: Translated = {
  en: 'Not available on a warehouse table: it cannot be computed in SQL from these columns.',
  cs: 'U tabulky z datového skladu není k dispozici: z těchto sloupců ji nelze spočítat v SQL.',
  pl: 'Niedostępne dla tabeli z hurtowni danych: z tych kolumn nie da się jej obliczyć w SQL.',
  ru: 'Недоступно для таблицы из хранилища данных: по этим столбцам её нельзя вычислить в SQL.',
  th: 'ใช้กับตารางในคลังข้อมูลไม่ได้: คำนวณด้วย SQL จากคอลัมน์เหล่านี้ไม่ได้',
};

/** Why a metric is left out on a warehouse, in the reader's language; the compiler's English detail for English readers only. */
export const notOnWarehouse = (language: Language, detail?: string): string =>
  (language === 'en' && detail ? `${NOT_ON_WAREHOUSE.en} (${detail})` : NOT_ON_WAREHOUSE[language]);

/**
 * The mapping a sheet's detection proposes from the header row alone. Without values, a column named like a word role
 * (an outcome, a status) comes back as a note rather than mapped: with nothing to contradict its name, it is mapped.
 */
export function proposeMapping(headers: readonly string[], types: readonly ColumnType[]): RoleMapping {
  const catalogue = detectionCatalogue();
  const detected = detectMapping([headers.slice()], { top: 0, left: 0, width: headers.length, hasHeader: true, headers: headers.slice(), rows: 0 }, types, catalogue);
  const mapping = { ...detected.mapping };
  const taken = new Set(Object.values(mapping));
  for (const note of detected.notes) {
    if (mapping[note.role] !== undefined || taken.has(note.column)) continue;
    mapping[note.role] = note.column;
    taken.add(note.column);
  }
  return mapping;
}

/** The reason a metric cannot be computed in SQL with this mapping (the compiler's English message), or undefined. */
function compileProblem(name: string, columns: Partial<Record<Role, string>>): string | undefined {
  return splitCompiled({ table: 't', timeZone: 'UTC', grain: 'month', from: '2000-01-01', to: '2000-02-01', metrics: [name], columns }).left[0]?.reason;
}

/** The metric options of a sheet, with those not compiled to SQL (or not compiling on this mapping) never available. */
function warehouseOptions(mapping: RoleMapping, kind: TableKind | null, headers: readonly string[], language: Language): MetricOption[] {
  const columns = Object.fromEntries(Object.entries(mapping).map(([role, i]) => [role, headers[i as number]]));
  return metricOptions(mapping, kind, language).map((m) => {
    if (!MEASURES[m.name]) return { ...m, available: false, reason: notOnWarehouse(language) };
    const problem = m.available ? compileProblem(m.name, columns) : undefined;
    return problem ? { ...m, available: false, reason: notOnWarehouse(language, problem) } : m;
  });
}

/** describeWarehouse's answer for the described columns of `source`'s table. */
export function describeAnswer(source: Omit<WarehouseSource, 'columns'>, described: readonly WarehouseColumn[], language: Language): RpcData<'describeWarehouse'> {
  const headers = described.map((c) => c.name);
  const types: ColumnType[] = described.map((c) => c.type);
  const mapping = proposeMapping(headers, types);
  const kind = likeliestKind(detectionCatalogue().metrics, (r) => mapping[r] !== undefined);
  const metrics = warehouseOptions(mapping, kind, headers, language);
  return {
    source: { sheetId: -1, sheetName: source.table, range: 'A1', hasHeader: true, headers },
    kind,
    notes: [],
    rows: 0,
    columns: described.map((c, index) => ({ index, letter: '', header: c.name, type: c.type, samples: [] })),
    mapping,
    metrics,
    warehouse: { ...source, columns: headers },
    notCompiled: metrics.filter((m) => !MEASURES[m.name]).map((m) => m.name),
  };
}
