// The mapped data as role columns, and the plan for calling one function of the table on them.

import { sourceOf, type InputSource } from '../../core/mapping/inputs';
import { ROLE_TYPE, type Role } from '../../core/mapping/roles';
import { serialFromCivil, type Cell } from '../../core/values';
import type { Arg, FunctionSpec } from '../../functions/spec';

export type Rows = readonly number[] | null;

/** The data as role columns, picked per row subset on demand. */
export class Columns {
  private cache = new Map<string, Cell[][]>();
  private subsets = new Map<string, Cell[][]>();
  private scales = new Map<Role, number>();
  constructor(private readonly data: Cell[][], private readonly mapping: Partial<Record<Role, number>>, private readonly toCivil: (t: number) => number) {}

  /** One role's cells; date cells become Sheets serial numbers of their civil time once, not in every function call. */
  private cells(role: Role): Cell[] {
    const c = this.mapping[role] as number;
    const n = this.data.length;
    const out = new Array<Cell>(n);
    const toCivil = this.toCivil;
    const dates = ROLE_TYPE[role] === 'date';
    for (let r = 0; r < n; r++) {
      const v = this.data[r][c];
      out[r] = v === undefined || v === null ? '' : dates && v instanceof Date && v.getTime() === v.getTime() ? serialFromCivil(toCivil(v.getTime())) : v;
    }
    return out;
  }

  has(role: Role): boolean {
    return this.mapping[role] !== undefined;
  }

  /** The role columns side by side, as Sheets would pass the range, limited to `rows` when given. */
  range(roles: Role[], rows: Rows): Cell[][] {
    const key = roles.join('|');
    let full = this.cache.get(key);
    if (!full) {
      const n = this.data.length;
      const cols = roles.map((r) => this.cells(r));
      full = new Array<Cell[]>(n);
      if (cols.length === 1) {
        const a = cols[0];
        for (let r = 0; r < n; r++) full[r] = [a[r]];
      } else if (cols.length === 2) {
        const [a, b] = cols;
        for (let r = 0; r < n; r++) full[r] = [a[r], b[r]];
      } else {
        for (let r = 0; r < n; r++) full[r] = cols.map((col) => col[r]);
      }
      this.cache.set(key, full);
    }
    if (!rows) return full;
    // Row subsets (segments) repeat across metrics: keep each one.
    const subKey = `${key}#${(rows as { id?: string }).id ?? ''}`;
    const cached = (rows as { id?: string }).id ? this.subsets.get(subKey) : undefined;
    if (cached) return cached;
    const out = new Array<Cell[]>(rows.length);
    for (let k = 0; k < rows.length; k++) out[k] = full[rows[k]];
    if ((rows as { id?: string }).id) this.subsets.set(subKey, out);
    return out;
  }

  /** The highest number in a role's column mapped to an answer scale: 5, 7 or 10. */
  scaleOf(role: Role): number {
    let scale = this.scales.get(role);
    if (scale === undefined) {
      let max = 0;
      for (const [v] of this.range([role], null)) if (typeof v === 'number' && v > max) max = v;
      scale = max <= 5 ? 5 : max <= 7 ? 7 : 10;
      this.scales.set(role, scale);
    }
    return scale;
  }
}

/** How to call one function on a subset of rows: the arguments, and whether it takes a period. */
export interface Call {
  spec: FunctionSpec;
  args(rows: Rows, period: string | undefined): Arg[];
  takesPeriod: boolean;
}

function resolveSource(source: InputSource, columns: Columns): ((rows: Rows, period: string | undefined) => Arg) | undefined {
  if (Array.isArray(source)) {
    for (const alt of source) {
      const got = resolveSource(alt, columns);
      if (got) return got;
    }
    return undefined;
  }
  if (source === 'period') return (_rows, period) => period ?? '';
  if ('scaleOf' in source) {
    if (!columns.has(source.scaleOf)) return () => '';
    const scale = columns.scaleOf(source.scaleOf);
    return () => scale;
  }
  if (!source.roles.every((r) => columns.has(r))) return undefined;
  return (rows) => columns.range(source.roles, rows);
}

/** The call plan for `spec` on these columns, or undefined when a required input is not mapped. */
export function planCall(spec: FunctionSpec, columns: Columns): Call | undefined {
  const getters: ((rows: Rows, period: string | undefined) => Arg)[] = [];
  let takesPeriod = false;
  let datesMissing = false;
  for (const p of spec.params) {
    const source = sourceOf(spec, p.name);
    const getter = source ? resolveSource(source, columns) : undefined;
    if (source === 'period') takesPeriod = true;
    if (!getter) {
      if (!p.optional) return undefined;
      if (p.name === 'dates') datesMissing = true;
      getters.push(() => '');
      continue;
    }
    getters.push(getter);
  }
  // A period needs its dates: without a column to date the rows the function gives one overall figure.
  if (datesMissing) takesPeriod = false;
  return { spec, takesPeriod, args: (rows, period) => getters.map((g) => g(rows, takesPeriod ? period : undefined)) };
}
