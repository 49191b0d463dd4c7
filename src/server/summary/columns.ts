// The mapped data as role columns, and the plan for calling one function of the table on them.

import { answerScale } from '../../core/bounds';
import { rolesOf, sourceOf, type InputSource } from '../../core/mapping/inputs';
import { roleType, type Role } from '../../core/mapping/roles';
import { serialFromCivil, type Cell } from '../../core/values';
import { numbers } from '../../functions/params';
import { callContext, UTC_ENVIRONMENT } from '../../functions/runner';
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
    const dates = roleType(role) === 'date';
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
      scale = answerScale(this.range([role], null).map((row) => row[0]));
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

type Getter = (rows: Rows, period: string | undefined, grain: string | undefined) => Arg;

function resolveSource(source: InputSource, columns: Columns, fn: string, param: string): Getter | undefined {
  if (Array.isArray(source)) {
    for (const alt of source as readonly InputSource[]) {
      const got = resolveSource(alt, columns, fn, param);
      if (got) return got;
    }
    return undefined;
  }
  if (source === 'period') return (_rows, period) => period ?? '';
  if (source === 'grain') return (_rows, _period, grain) => grain ?? '';
  const one = source as Exclude<InputSource, string | readonly InputSource[]>;
  if ('fixed' in one) return () => one.fixed;
  if ('sumOf' in one) {
    if (!columns.has(one.sumOf)) return undefined;
    // The column is read as counts through the table's own number reader, so a bad cell gets its usual message.
    const counts = numbers(param, '', { noun: 'counts', min: 0 });
    return (rows) => {
      const read = counts.coerce(columns.range([one.sumOf], rows), callContext(fn, UTC_ENVIRONMENT), {});
      let total = 0;
      for (const v of read.values) if (v === v) total += v;
      return total;
    };
  }
  if ('scaleOf' in one) {
    if (!columns.has(one.scaleOf)) return () => '';
    const scale = columns.scaleOf(one.scaleOf);
    return () => scale;
  }
  if (!one.roles.every((r) => columns.has(r))) return undefined;
  return (rows) => columns.range([...one.roles], rows);
}

/**
 * The call plan for `spec` on these columns, or undefined when a required input is not mapped. A function whose
 * optional date column is not mapped cannot place its rows in periods: it gives one figure over all rows.
 */
export function planCall(spec: FunctionSpec, columns: Columns, grain?: string): Call | undefined {
  const getters: Getter[] = [];
  let takesPeriod = false;
  let undated = false;
  for (const p of spec.params) {
    const source = sourceOf(spec, p.name);
    const getter = source ? resolveSource(source, columns, spec.name, p.name) : undefined;
    if (source === 'period') takesPeriod = true;
    if (!getter) {
      if (!p.optional) return undefined;
      if (source && rolesOf(source).some((r) => roleType(r) === 'date')) undated = true;
      getters.push(() => '');
      continue;
    }
    getters.push(getter);
  }
  if (undated) takesPeriod = false;
  // Trailing blank optional arguments are left out, as a user would type the formula.
  return {
    spec, takesPeriod,
    args: (rows, period) => {
      const args = getters.map((g) => g(rows, takesPeriod ? period : undefined, grain));
      while (args.length && args[args.length - 1] === '' && spec.params[args.length - 1].optional) args.pop();
      return args;
    },
  };
}
