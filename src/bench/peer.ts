// The minimal peer of `casus run` for the cold-start comparison:
// parse the same YAML, run json-rules-engine over its events.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, Operator } from 'json-rules-engine';
import { plainPath } from '../rules/plainPath.js';
import { parse } from 'yaml';

const [file, rules] = process.argv.slice(2) as [string, string];
const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: plainPath });
engine.addOperator(
  new Operator<unknown[], unknown[]>(
    'containsAll',
    (a, b) => Array.isArray(b) && b.every((x) => a.includes(x)),
    Array.isArray,
  ),
);
for (const name of readdirSync(rules).filter(
  (f) => f.endsWith('.json') && !/^(clauses|settings|gazetteer|ambiguities)\.json$/.test(f),
)) {
  const family = JSON.parse(readFileSync(join(rules, name), 'utf8')) as {
    rules?: Array<{ name: string; conditions: never; event: never }>;
  };
  for (const rule of family.rules ?? [])
    engine.addRule({ name: rule.name, conditions: rule.conditions, event: rule.event });
}
// the settings' defaults and the data lists, as every run supplies them; the rest of the facts are the event's fields
const read = (name: string) => JSON.parse(readFileSync(join(rules, name), 'utf8'));
const settings = read('settings.json') as {
  interpretations: Array<{ name: string; readings: Array<{ value: string; sets?: Record<string, unknown> }> }>;
  parameters: Array<{ name: string; value: number }>;
};
const gazetteer = read('gazetteer.json') as Record<
  'natoMembers' | 'europeanParties' | 'russiaLandNeighbours',
  { members: string[] }
>;
const constants: Record<string, unknown> = {
  'nato-members': ['NATO', ...gazetteer.natoMembers.members],
  'european-parties': gazetteer.europeanParties.members,
  'russia-neighbours': gazetteer.russiaLandNeighbours.members,
};
for (const i of settings.interpretations)
  Object.assign(constants, { [i.name]: i.readings[0]!.value }, i.readings[0]!.sets);
for (const p of settings.parameters) constants[p.name] = p.value;
// the history facts of the catalogue at the start of a timeline
const history = {
  signatories: [],
  withdrawn: [],
  compensationPaid: false,
  ratifiedBy: [],
  referendum: null,
  signatoriesBefore: [],
  withdrawnBefore: [],
  compensationPaidBefore: false,
  ratifiedByBefore: [],
  referendumBefore: null,
  electionsHeldBy: [],
  hostilitiesUnderWay: false,
  daysSinceRussianAttack: null,
};
let fired = 0;
for (const event of (parse(readFileSync(file, 'utf8')) as { events: Record<string, unknown>[] }).events)
  fired += (await engine.run({ ...constants, ...history, ...event })).events.length;
process.stdout.write(`${fired} rules fired\n`);
