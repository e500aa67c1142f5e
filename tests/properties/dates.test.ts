// Dates as the scenario schema reads them: a text is a date exactly when the calendar has that day.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../src/plan/dates.js';

/** The calendar's own answer: the day exists when Date gives it back unchanged (years 100 to 9999). */
const calendarHas = (text: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;

const part = (n: number, width: number) => String(n).padStart(width, '0');

describe('isIsoDate', () => {
  it('accepts a YYYY-MM-DD text exactly when the calendar has that day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${part(y, 4)}-${part(m, 2)}-${part(d, 2)}`;
          const valid = Number.isFinite(Date.parse(`${text}T00:00:00Z`)) && calendarHas(text);
          expect(isIsoDate(text), text).toBe(valid);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('turns away any text that is not written YYYY-MM-DD in ASCII digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) expect(isIsoDate(text), JSON.stringify(text)).toBe(false);
      }),
      { numRuns: 2000 },
    );
    for (const text of ['2026-1-01', '２０２６-01-01', '2026-01-0a', ' 2026-01-01', '2026/01/01', '+2026-01-01'])
      expect(isIsoDate(text), text).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false);
  });
});
