// A whole outcome (every region and the breaches): one key to
// group runs by, and the words for what differs between two.
import { breachWords } from '../explain/words.js';
import {
  changeText,
  REGIONS,
  statusLine,
  VALUE_REGIONS,
  valueText,
  type Breach,
  type Region,
  type Status,
} from '../plan/vocabulary.js';

const breachOn = (b: Breach) => `${breachWords(b)} on ${b.at}`;

/** Two runs have the same outcome when every region and every breach (kind, party, date, clause) agree. */
export const outcomeKey = (s: Status): string =>
  JSON.stringify([
    ...VALUE_REGIONS.map((r) => s[r]),
    s.guaranteePhase,
    s.breaches.map((b) => [b.kind, b.party, b.at, b.clause]),
  ]);

/** The whole outcome in one line: every region, then the breaches. */
export function outcomeText(s: Status): string {
  return (
    `${statusLine(s)} · ` +
    `${s.breaches.length === 0 ? 'no breaches' : `breaches: ${s.breaches.map(breachOn).join(', ')}`}`
  );
}

/** What changes from `from` to `to`, region by region ("guarantee in-force → void", "breach added: …"). */
export function outcomeChanges(from: Status, to: Status): string[] {
  const out: string[] = [];
  for (const r of VALUE_REGIONS) {
    if (valueText(from, r) !== valueText(to, r)) out.push(changeText(r, from, to));
  }
  const key = (b: Breach) => JSON.stringify([b.kind, b.party, b.at, b.clause]);
  const before = new Set(from.breaches.map(key));
  const after = new Set(to.breaches.map(key));
  const gone = from.breaches.filter((b) => !after.has(key(b)));
  const added = to.breaches.filter((b) => !before.has(key(b)));
  if (gone.length) out.push(`no ${gone.map(breachOn).join(', no ')}`);
  if (added.length) out.push(`${added.length === 1 ? 'a breach' : 'breaches'}: ${added.map(breachOn).join(', ')}`);
  return out;
}

/** The regions whose values differ between two statuses, the breaches included. */
export const differingRegions = (a: Status, b: Status): Region[] =>
  REGIONS.filter((r) => JSON.stringify(a[r]) !== JSON.stringify(b[r]));
