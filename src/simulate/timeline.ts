// One random timeline of a model: the opening events, then each kind of event drawn year by year or month by month.
import { addDays, addYears, daysBetween } from '../plan/dates.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { Scenario, ScenarioEvent } from '../scenario/schema.js';
import type { LoadedModel, Template } from './model.js';
import { runRandom } from './random.js';

type Random = () => number;

function draw(template: Template, random: Random): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, v] of Object.entries(template)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      if ('between' in v) out[field] = v.between[0] + Math.floor(random() * (v.between[1] - v.between[0] + 1));
      else {
        // scaled to the largest first: weights of 1e308 would otherwise sum to Infinity
        const top = v.weights ? Math.max(...v.weights) : 1;
        const weights = v.weights?.map((w) => w / top) ?? v.oneOf.map(() => 1);
        let r = random() * weights.reduce((a, b) => a + b, 0);
        let i = 0;
        while (i < weights.length - 1 && (r -= weights[i]!) >= 0) i++;
        out[field] = v.oneOf[i];
      }
    } else out[field] = v;
  }
  return out;
}

/** The date of every day of the model's span, computed once per model. */
const calendars = new WeakMap<LoadedModel, string[]>();

function calendarOf(loaded: LoadedModel, span: number): string[] {
  let days = calendars.get(loaded);
  if (!days) calendars.set(loaded, (days = Array.from({ length: span + 1 }, (_, d) => addDays(loaded.model.start, d))));
  return days;
}

/** Run `run` of the model as a scenario (the model's templates were checked against the scenario schema on load). */
export function timelineOf(loaded: LoadedModel, seed: number, run: number): LoadedScenario {
  const { model } = loaded;
  const random = runRandom(seed, run);
  const end = addYears(model.start, model.years);
  const span = daysBetween(model.start, end);
  const dated: Array<{ day: number; order: number; event: Record<string, unknown> }> = [];
  model.opening.forEach((o, i) => {
    if (o.probability !== undefined && random() >= o.probability) return;
    const day =
      typeof o.after === 'number'
        ? o.after
        : o.after.between[0] + Math.floor(random() * (o.after.between[1] - o.after.between[0] + 1));
    if (day < span) dated.push({ day, order: i, event: draw(o.event, random) });
  });
  model.events.forEach((kind, k) => {
    const periods = kind.per === 'year' ? model.years : model.years * 12;
    const length = span / periods;
    for (let p = 0; p < periods; p++) {
      if (random() >= kind.probability) continue;
      const day = Math.floor(p * length + random() * length);
      dated.push({ day, order: model.opening.length + k, event: draw(kind.event, random) });
      if (kind.once) break;
    }
  });
  dated.sort((a, b) => a.day - b.day || a.order - b.order);
  const calendar = calendarOf(loaded, span);
  const events = dated.map(({ day, event }) => ({ at: calendar[day]!, ...event }) as ScenarioEvent);
  const scenario: Scenario = {
    scenario: model.model,
    title: model.title,
    ...(model.interpretations ? { interpretations: model.interpretations } : {}),
    ...(model.parameters ? { parameters: model.parameters } : {}),
    until: calendar[span - 1]!,
    events,
  } as Scenario;
  return { file: loaded.file, scenario, eventLines: [], expectLines: [] };
}
