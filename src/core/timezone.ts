// Converts instants (JS Dates) to "civil time": the wall-clock time in the spreadsheet's zone, stored as if UTC.

export const MS_PER_DAY = 86_400_000;
const OFFSET_CACHE_SLOT = 15 * 60_000;

type Clock = (instantMs: number) => number;

const utcClock: Clock = (t) => t;
const clocks = new Map<string, Clock>();

/**
 * Returns the function mapping an instant (ms since epoch) to civil ms in `timeZone`; offsets are memoised. One
 * function per zone, shared by every call: hot loops then always call the same target (a new closure per call made
 * V8 throw their optimised code away on every call).
 */
export function civilClock(timeZone: string): Clock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = zoneClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}

function zoneClock(timeZone: string): Clock {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'GMT') return utcClock;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsets = new Map<number, number>();
  const offsetAt = (t: number): number => {
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(new Date(t))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
    return wall - (t - (t % 1000 + 1000) % 1000);
  };
  return (t) => {
    const slot = Math.floor(t / OFFSET_CACHE_SLOT);
    let offset = offsets.get(slot);
    if (offset === undefined) {
      offset = offsetAt(t);
      // The clock lives as long as the process (one per zone): keep its memo bounded (50,000 slots ≈ 1.4 years).
      if (offsets.size >= 50_000) offsets.clear();
      offsets.set(slot, offset);
    }
    return t + offset;
  };
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
