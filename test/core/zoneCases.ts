// Wall-clock times in the test zones and their instants, written out by hand (not computed by the code under test).

/** The three zones of issue 13: east of UTC (Bangkok, Auckland, in summer time on both dates) and west (Los Angeles). */
export const ZONE_CASES = [
  // zone, the instant of 2025-01-01 00:00 there, the instant of 2025-03-30 01:30 there
  ['Asia/Bangkok', '2024-12-31T17:00:00Z', '2025-03-29T18:30:00Z'],
  ['Pacific/Auckland', '2024-12-31T11:00:00Z', '2025-03-29T12:30:00Z'],
  ['America/Los_Angeles', '2025-01-01T08:00:00Z', '2025-03-30T08:30:00Z'],
] as const;

/** Days on which the zone's clock changes: each instant with the wall time the sheet shows for it. */
export const DST_CASES = [
  // Los Angeles springs forward on 2025-03-09 at 02:00 (PST −8 → PDT −7).
  ['America/Los_Angeles', '2025-03-09T08:00:00Z', '2025-03-09'],
  ['America/Los_Angeles', '2025-03-09T09:59:00Z', '2025-03-09 01:59'],
  ['America/Los_Angeles', '2025-03-09T10:00:00Z', '2025-03-09 03:00'],
  ['America/Los_Angeles', '2025-03-10T07:00:00Z', '2025-03-10'],
  // Auckland falls back on 2025-04-06 at 03:00 (NZDT +13 → NZST +12): 02:30 happens twice.
  ['Pacific/Auckland', '2025-04-05T11:00:00Z', '2025-04-06'],
  ['Pacific/Auckland', '2025-04-05T13:30:00Z', '2025-04-06 02:30'],
  ['Pacific/Auckland', '2025-04-05T14:30:00Z', '2025-04-06 02:30'],
  ['Pacific/Auckland', '2025-04-06T12:00:00Z', '2025-04-07'],
  // Prague (the Czech users) springs forward on 2025-03-30 at 02:00 (CET +1 → CEST +2).
  ['Europe/Prague', '2025-03-30T00:30:00Z', '2025-03-30 01:30'],
  ['Europe/Prague', '2025-03-30T01:30:00Z', '2025-03-30 03:30'],
] as const;
