// Seeded, realistic sample CRM tables: surveys, deals, subscriptions, orders, tickets, and one wide CRM export.

import { MS_PER_DAY } from '../timezone';

export type SampleCell = string | number | Date;
export interface SampleTable {
  name: string;
  headers: string[];
  rows: SampleCell[][];
}

export interface SampleOptions {
  seed?: number;
  rows?: number;
  /** Civil ms of the last day covered (default 2025-12-31); the data spans the two years before it. */
  end?: number;
  /** Dates as "YYYY-MM-DD" text (for writing into sheets) or as Date objects (as Sheets reads them back). */
  dates?: 'text' | 'date';
}

/** mulberry32: a small seeded generator in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEGMENTS = ['Enterprise', 'Mid-market', 'SMB', 'Startup'];
const PRODUCTS = ['Basic', 'Pro', 'Team', 'Enterprise'];
const STAGES = ['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Closed'];
const SPAN_DAYS = 730;

interface Ctx {
  r: () => number;
  end: number;
  day: (t: number) => SampleCell;
  pick: <T>(xs: readonly T[]) => T;
  /** A day in the span, denser in spring and autumn (seasonality). */
  seasonalDay: () => number;
  customer: () => string;
  segmentOf: (customer: string) => string;
}

function context(o: SampleOptions): Ctx {
  const r = seededRandom(o.seed ?? 42);
  const end = o.end ?? Date.UTC(2025, 11, 31);
  const start = end - (SPAN_DAYS - 1) * MS_PER_DAY;
  const asDate = o.dates === 'date';
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const seasonalDay = (): number => {
    for (;;) {
      const d = Math.floor(r() * SPAN_DAYS);
      const month = new Date(start + d * MS_PER_DAY).getUTCMonth();
      if (r() < 0.65 + 0.35 * Math.sin(((month - 1) / 12) * 4 * Math.PI)) return start + d * MS_PER_DAY;
    }
  };
  const customers = Math.max(20, Math.round((o.rows ?? 1000) / 4));
  const customer = (): string => `C${String(1 + Math.floor(r() ** 1.3 * customers)).padStart(5, '0')}`;
  const segmentOf = (c: string): string => SEGMENTS[Number(c.slice(1)) % SEGMENTS.length];
  const day = (t: number): SampleCell => (asDate ? new Date(t) : new Date(t).toISOString().slice(0, 10));
  return { r, end, day, pick, seasonalDay, customer, segmentOf };
}

const clamp = (x: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, Math.round(x)));
const money = (x: number): number => Math.round(x * 100) / 100;
/** A score that leans on segment and season: Enterprise happier, winters a little worse. */
const mood = (c: Ctx, segment: string, t: number): number =>
  (segment === 'Enterprise' ? 0.8 : segment === 'Startup' ? -0.6 : 0) - 0.5 * Math.cos((new Date(t).getUTCMonth() / 12) * 2 * Math.PI) + (c.r() - 0.5) * 4;

function surveys(c: Ctx, n: number): SampleTable {
  const rows: SampleCell[][] = [];
  // One answer per customer and day, so the sample never holds a duplicate row whatever its end date.
  const answered = new Set<string>();
  for (let i = 0; i < n; i++) {
    let t: number;
    let who: string;
    do {
      t = c.seasonalDay();
      who = c.customer();
    } while (answered.has(`${t} ${who}`));
    answered.add(`${t} ${who}`);
    const seg = c.segmentOf(who);
    const m = mood(c, seg, t);
    rows.push([c.day(t), who, seg, clamp(7.6 + m, 0, 10), c.r() < 0.1 ? '' : clamp(3.9 + m / 2.5, 1, 5), clamp(3 - m / 2, 1, 7)]);
  }
  return { name: 'Surveys', headers: ['Date', 'Customer', 'Segment', 'NPS score', 'CSAT', 'Effort'], rows: sortBy(rows, 0) };
}

function deals(c: Ctx, n: number): SampleTable {
  const rows: SampleCell[][] = [];
  for (let i = 0; i < n; i++) {
    const created = c.seasonalDay();
    const who = c.customer();
    const seg = c.segmentOf(who);
    const stage = Math.min(STAGES.length - 1, Math.floor(c.r() ** 0.7 * STAGES.length));
    const cycle = Math.round(10 + c.r() * 80);
    const closedAt = created + cycle * MS_PER_DAY;
    const closed = stage === STAGES.length - 1 && closedAt <= c.end;
    const won = closed && c.r() < (seg === 'Enterprise' ? 0.35 : 0.5);
    const size = seg === 'Enterprise' ? 40000 : seg === 'Mid-market' ? 12000 : 3000;
    rows.push([
      `D${String(i + 1).padStart(6, '0')}`, c.day(created), who, seg, c.pick(PRODUCTS), closed ? 'Closed' : STAGES[Math.min(stage, 3)],
      closed ? (won ? 'Won' : 'Lost') : 'Open', money(size * (0.4 + c.r() * 1.2)), closed ? c.day(closedAt) : '', closed ? (won ? 1 : 0) : money(0.1 + stage * 0.2),
    ]);
  }
  return { name: 'Deals', headers: ['Deal ID', 'Created', 'Customer', 'Segment', 'Product', 'Stage', 'Outcome', 'Amount', 'Closed', 'Probability'], rows: sortBy(rows, 1) };
}

function subscriptions(c: Ctx, n: number): SampleTable {
  const rows: SampleCell[][] = [];
  for (let i = 0; i < n; i++) {
    const start = c.seasonalDay();
    const seg = c.pick(SEGMENTS);
    const monthlyChurn = seg === 'Enterprise' ? 0.015 : seg === 'Startup' ? 0.07 : 0.035;
    const months = Math.ceil(Math.log(1 - c.r()) / Math.log(1 - monthlyChurn));
    const endAt = start + months * 30 * MS_PER_DAY;
    const product = c.pick(PRODUCTS);
    rows.push([`C${String(i + 1).padStart(5, '0')}`, seg, product, c.day(start), endAt <= c.end ? c.day(endAt) : '', (PRODUCTS.indexOf(product) + 1) * 49]);
  }
  return { name: 'Subscriptions', headers: ['Customer', 'Segment', 'Plan', 'Start date', 'End date', 'MRR'], rows: sortBy(rows, 3) };
}

function orders(c: Ctx, n: number): SampleTable {
  const rows: SampleCell[][] = [];
  for (let i = 0; i < n; i++) {
    const who = c.customer();
    rows.push([`O${String(i + 1).padStart(6, '0')}`, c.day(c.seasonalDay()), who, c.segmentOf(who), c.pick(PRODUCTS), money(20 + c.r() ** 2 * 480)]);
  }
  return { name: 'Orders', headers: ['Order ID', 'Date', 'Customer', 'Segment', 'Product', 'Amount'], rows: sortBy(rows, 1) };
}

function tickets(c: Ctx, n: number): SampleTable {
  const rows: SampleCell[][] = [];
  const hours = (h: number): number => Math.round(h * 3600_000);
  for (let i = 0; i < n; i++) {
    const opened = c.seasonalDay() + hours(8 + c.r() * 10);
    const who = c.customer();
    const responded = opened + hours(0.2 + c.r() ** 2 * 30);
    const resolved = responded + hours(c.r() ** 2 * 120);
    const contacts = 1 + Math.floor(c.r() ** 3 * 4);
    const t = (x: number): SampleCell => (c.day(0) instanceof Date ? new Date(x) : new Date(x).toISOString().slice(0, 16).replace('T', ' '));
    rows.push([`T${String(i + 1).padStart(6, '0')}`, who, c.segmentOf(who), t(opened), t(responded), resolved <= c.end ? t(resolved) : '', contacts]);
  }
  return { name: 'Tickets', headers: ['Ticket ID', 'Customer', 'Segment', 'Opened', 'First response', 'Resolved', 'Contacts'], rows: sortBy(rows, 3) };
}

/** One wide export (10 columns) with survey, deal and subscription fields on every row: the benchmark's table. */
export function crmExport(o: SampleOptions = {}): SampleTable {
  const c = context(o);
  const n = o.rows ?? 1000;
  const rows: SampleCell[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = c.seasonalDay();
    const who = c.customer();
    const seg = c.segmentOf(who);
    const m = mood(c, seg, t);
    const endAt = t + Math.round(30 + c.r() * 900) * MS_PER_DAY;
    const outcome = c.r() < 0.3 ? 'Open' : c.r() < 0.45 ? 'Won' : 'Lost';
    rows[i] = [c.day(t), who, seg, clamp(7.6 + m, 0, 10), clamp(3.9 + m / 2.5, 1, 5), clamp(3 - m / 2, 1, 7),
      money(100 + c.r() * 900), outcome, c.day(t), endAt <= c.end ? c.day(endAt) : ''];
  }
  return { name: 'CRM export', headers: ['Date', 'Customer', 'Segment', 'NPS', 'CSAT', 'Effort', 'Amount', 'Outcome', 'Start date', 'End date'], rows };
}

function sortBy(rows: SampleCell[][], column: number): SampleCell[][] {
  const key = (v: SampleCell): number => (v instanceof Date ? v.getTime() : Date.parse(String(v)));
  return rows.sort((a, b) => key(a[column]) - key(b[column]));
}

/** The five sample tables, each `rows` long, from one seed. */
export function sampleTables(o: SampleOptions = {}): SampleTable[] {
  const n = o.rows ?? 1000;
  const make = [surveys, deals, subscriptions, orders, tickets];
  return make.map((f, k) => f(context({ ...o, seed: (o.seed ?? 42) + k }), n));
}
