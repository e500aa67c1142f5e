// Calendar dates as ISO strings (YYYY-MM-DD), computed in UTC: no clock, no time zone.

const DAY_MS = 86_400_000;

/** The number written by the ASCII digits text[from, to), or NaN if one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}

/** Whether `text` is a calendar date written YYYY-MM-DD (read by character: validation asks for every event). */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text[4] !== '-' || text[7] !== '-') return false;
  const [y, mo, d] = [digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)];
  if (!(mo >= 1 && mo <= 12 && d >= 1)) return false;
  return !Number.isNaN(y) && d <= daysInMonth(y, mo);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// arithmetic, not a Date: validation calls this for every event of a long timeline
function daysInMonth(year: number, month: number): number {
  // Date.UTC reads years 0 to 99 as 1900 to 1999: kept, so every date function agrees with the others
  if (year < 100) return new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : MONTH_DAYS[month - 1]!;
}

function toUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/**
 * Computed dates stay in the calendar of the input, years 0000 to 9999, so that they compare as strings: a deadline
 * later than that (a 8,000-year term, an election deadline of 2^53 days) is held at 9999-12-31, after every date a
 * scenario can name, instead of becoming "10026-…" (which sorts before "2040-…") or an invalid date (which throws).
 */
const LAST_DAY = '9999-12-31';
const FIRST_DAY = '0000-01-01';
const LAST_MS = Date.UTC(9999, 11, 31);
const FIRST_MS = new Date(0).setUTCFullYear(0, 0, 1);

/** A computed date in words: the last day casus represents is labelled, since a later deadline is held there. */
export function dateWords(date: string): string {
  return date === LAST_DAY ? `${LAST_DAY} (or later: the last date casus represents)` : date;
}

function fromUtc(ms: number): string {
  if (!(ms <= LAST_MS)) return LAST_DAY;
  if (ms < FIRST_MS) return FIRST_DAY;
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Same month and day `years` later; 29 February falls back to the last day of February. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  if (!(year <= 9999)) return LAST_DAY;
  if (year < 0) return FIRST_DAY;
  const day = Math.min(d, daysInMonth(year, m));
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (UTC) of an ISO date; differences of these are exact day counts. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}
