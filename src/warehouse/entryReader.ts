// Reads a function table entry for the compiler: where each parameter's value comes from under a mapping, and the
// defaults the entry itself gives (word lists, units, statistics, thresholds), evaluated by the entry's own code.

import type { InputSource } from '../core/mapping/inputs';
import type { Role } from '../core/mapping/roles';
import { callContext, UTC_ENVIRONMENT } from '../functions/runner';
import type { FunctionSpec } from '../functions/spec';
import { column, type Expr } from './expr';
import type { FromParam } from './measures';
import { keyColumn, wordColumn } from './staged';

/** Where a parameter's value comes from once the mapping is known. */
type Resolved = { kind: 'column'; role: Role } | { kind: 'sumOf'; role: Role } | { kind: 'scaleOf'; role: Role } | { kind: 'fixed'; value: number | string } | { kind: 'period' };

export class CompileError extends Error {}

/** The source alternative that applies to this mapping (the first whose roles are all mapped), as data. */
function resolve(source: InputSource | undefined, mapped: (role: Role) => boolean): Resolved | undefined {
  if (source === undefined || source === 'grain') return undefined;
  if (source === 'period') return { kind: 'period' };
  if (Array.isArray(source)) {
    for (const alt of source as readonly InputSource[]) {
      const got = resolve(alt, mapped);
      if (got) return got;
    }
    return undefined;
  }
  const one = source as Exclude<InputSource, string | readonly InputSource[]>;
  if ('fixed' in one) return { kind: 'fixed', value: one.fixed };
  if ('sumOf' in one) return mapped(one.sumOf) ? { kind: 'sumOf', role: one.sumOf } : undefined;
  if ('scaleOf' in one) return mapped(one.scaleOf) ? { kind: 'scaleOf', role: one.scaleOf } : undefined;
  if (!one.roles.every(mapped)) return undefined;
  if (one.roles.length !== 1) throw new CompileError(`columns side by side (${one.roles.join(' | ')}) are not compiled to SQL yet`);
  return { kind: 'column', role: one.roles[0] };
}

/** Reads an entry's parameters for the compiler: their sources under a mapping and their defaults. */
export class EntryReader {
  readonly roles = new Set<Role>();
  readonly wordRoles = new Set<Role>();
  readonly keyRoles = new Set<Role>();
  constructor(readonly spec: FunctionSpec, private readonly mapped: (role: Role) => boolean) {}

  private param(name: string) {
    const p = this.spec.params.find((q) => q.name === name);
    if (!p) throw new CompileError(`${this.spec.name} has no parameter ${name}`);
    return p;
  }

  resolved(name: string): Resolved | undefined {
    this.param(name);
    return resolve(this.spec.inputs[name], this.mapped);
  }

  /** The role feeding parameter `name` (a column or a column's total), or undefined when it is not mapped. */
  role(name: string): Role | undefined {
    const got = this.resolved(name);
    return got?.kind === 'column' || got?.kind === 'sumOf' ? got.role : undefined;
  }

  /** The column of an optional parameter as stored, or undefined when it is not mapped. */
  optional(name: string): Expr | undefined {
    const role = this.role(name);
    if (role) this.roles.add(role);
    return role ? column(role) : undefined;
  }

  /** The column of a parameter the metric cannot do without. */
  required(name: string): Expr {
    const got = this.optional(name);
    if (!got) throw new CompileError(`${this.spec.name} needs the column of its parameter ${name}`);
    return got;
  }

  /** The normalised words of a parameter's column (NULL when blank), or undefined when it is not mapped. */
  optionalWords(name: string): Expr | undefined {
    const role = this.role(name);
    if (role) this.wordRoles.add(role);
    return role ? column(wordColumn(role)) : undefined;
  }

  /**
   * The columns side by side feeding parameter `name` (a start | end range), as stored, or undefined when its first
   * alternative with every role mapped is not of that shape.
   */
  sideBySide(name: string): Expr[] | undefined {
    this.param(name);
    const alternatives = (source: InputSource | undefined): InputSource[] =>
      source === undefined ? [] : Array.isArray(source) ? (source as readonly InputSource[]).flatMap(alternatives) : [source as InputSource];
    const hit = alternatives(this.spec.inputs[name]).find((alt) => typeof alt === 'object' && 'roles' in alt && alt.roles.every(this.mapped));
    if (!hit || typeof hit !== 'object' || !('roles' in hit) || hit.roles.length < 2) return undefined;
    for (const role of hit.roles) this.roles.add(role);
    return hit.roles.map((role) => column(role));
  }

  /** The trimmed text of an id parameter's column (NULL when blank), or undefined when it is not mapped. */
  optionalKeys(name: string): Expr | undefined {
    const role = this.role(name);
    if (role) this.keyRoles.add(role);
    return role ? column(keyColumn(role)) : undefined;
  }

  /** The trimmed text of an id parameter the metric cannot do without. */
  requiredKeys(name: string): Expr {
    const got = this.optionalKeys(name);
    if (!got) throw new CompileError(`${this.spec.name} needs the column of its parameter ${name}`);
    return got;
  }

  /** The normalised words of a parameter the metric cannot do without. */
  requiredWords(name: string): Expr {
    const got = this.optionalWords(name);
    if (!got) throw new CompileError(`${this.spec.name} needs the column of its parameter ${name}`);
    return got;
  }

  /** The default the entry gives a left-out parameter (`earlier` holds the parameters before it). */
  defaultOf<T>(name: string, earlier: Record<string, unknown> = {}): T {
    const p = this.param(name);
    if (!p.fallback) throw new CompileError(`${this.spec.name}: parameter ${name} has no default`);
    return p.fallback(callContext(this.spec.name, UTC_ENVIRONMENT), earlier) as T;
  }

  /** The value of a parameter a summary passes fixed, else its default. */
  fixedOrDefault<T>(name: string): T {
    const got = this.resolved(name);
    return got?.kind === 'fixed' ? (got.value as T) : this.defaultOf<T>(name);
  }

  fromParam<T>(value: FromParam<T>): T {
    return typeof value === 'object' && value !== null && 'param' in value ? this.fixedOrDefault<T>(value.param) : (value as T);
  }

  /** A word-list parameter's default words (normalised by the entry's own reader). */
  words(name: string): string[] {
    return [...this.defaultOf<ReadonlySet<string>>(name)];
  }
}
