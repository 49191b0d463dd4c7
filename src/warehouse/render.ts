// Renders an expression tree to SQL text in one dialect: the shared operators here, the differing rules in the dialect.

import type { Dialect } from './dialect';
import type { Expr } from './expr';
import { ROW_ORDER, STAGED_ROWS } from './staged';

/** A finite number as SQL text (integers plainly, others with full precision). */
function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

/** The SQL of `expr` in `dialect`. */
export function renderExpr(expr: Expr, dialect: Dialect): string {
  const r = (e: Expr): string => renderExpr(e, dialect);
  switch (expr.op) {
    case 'column':
      return dialect.identifier(expr.name);
    case 'number':
      return numberLiteral(expr.value);
    case 'null':
      return 'NULL';
    case 'dateOf':
      return dialect.dateOf(r(expr.of));
    case 'periodStart':
      return dialect.periodStart(r(expr.of), expr.grain);
    case 'millisBetween':
      return dialect.millisBetween(r(expr.from), r(expr.to));
    case 'isOneOf':
      return `${r(expr.of)} IN (${expr.words.map(dialect.text).join(', ')})`;
    case 'isNull':
      return `${r(expr.of)} IS NULL`;
    case 'coalesce':
      return `COALESCE(${expr.args.map(r).join(', ')})`;
    case 'textKey':
      return `NULLIF(${dialect.trimmed(dialect.asText(r(expr.of)))}, '')`;
    case 'compare':
      return `${r(expr.left)} ${expr.cmp} ${r(expr.right)}`;
    case 'and':
    case 'or':
      return `(${expr.args.map(r).join(` ${expr.op.toUpperCase()} `)})`;
    case 'not':
      return `NOT (${r(expr.of)})`;
    case 'when':
      return `CASE WHEN ${r(expr.cond)} THEN ${r(expr.then)}${expr.otherwise ? ` ELSE ${r(expr.otherwise)}` : ''} END`;
    case 'arith':
      return `(${r(expr.left)} ${expr.fn} ${r(expr.right)})`;
    case 'divide':
      return `(${dialect.safeDivide(r(expr.top), r(expr.bottom))})`;
    case 'aggregate':
      switch (expr.fn) {
        case 'countDistinct':
          return `COUNT(DISTINCT ${r(expr.of)})`;
        case 'median':
          return dialect.median(r(expr.of));
        default:
          return `${expr.fn.toUpperCase()}(${r(expr.of)})`;
      }
    case 'tableMax':
      return `(SELECT MAX(${dialect.identifier(expr.column)}) FROM ${STAGED_ROWS})`;
    case 'window':
      return renderWindow(expr, dialect);
    case 'rowOrder':
      if (dialect.rowOrder === undefined) throw new Error(`${dialect.name} keeps no row order`);
      return dialect.identifier(ROW_ORDER);
  }
}

/** A window figure: OVER (PARTITION BY … ORDER BY …), the row order left out of the ordering where the dialect has none. */
function renderWindow(expr: Extract<Expr, { op: 'window' }>, dialect: Dialect): string {
  const r = (e: Expr): string => renderExpr(e, dialect);
  const keys = (expr.orderBy ?? []).filter((k) => k.by.op !== 'rowOrder' || dialect.rowOrder !== undefined);
  const order = keys.length ? ` ORDER BY ${keys.map((k) => `${r(k.by)}${k.descending ? ' DESC' : ''}`).join(', ')}` : '';
  const fn = expr.fn === 'min' ? 'MIN' : 'FIRST_VALUE';
  return `${fn}(${r(expr.of)}) OVER (PARTITION BY ${expr.partitionBy.map(r).join(', ')}${order})`;
}
