// The generators casus/testing offers: every event type a timeline holds after signing, each one valid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, ScenarioEvent } from '../../src/scenario/schema.js';
import { eventsByType } from './arbitraries.js';

describe('casus/testing', () => {
  it('draws every event type but the opening signatures and withdrawals', () => {
    expect(Object.keys(eventsByType).sort()).toEqual(
      EVENT_TYPES.filter((t) => t !== 'signature' && t !== 'withdrawal-completed').sort(),
    );
  });

  it.each(Object.entries(eventsByType))('draws only %s events the scenario schema accepts', (type, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (event) => {
        expect(event.type).toBe(type);
        expect(ScenarioEvent.safeParse({ at: '2030-01-01', ...event }).success, JSON.stringify(event)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
