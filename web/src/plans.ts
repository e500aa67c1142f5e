// The plan versions the picker offers, read from rules/versions/ at
// build time: the picker, the URL and the rule-set cache go by id.
import { BASE_PLAN as BASE_ID } from '../../src/rules/versions.js';

export interface PlanVersion {
  id: string;
  label: string;
  /** the date the version was published (the versions' timeline is in this order) */
  published: string;
  /** the overlay file's text (rules/versions/ID.json), applied to the base rules in engine.ts */
  overlay?: { file: string; text: string };
}

const files = import.meta.glob<string>('../../rules/versions/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const versions: PlanVersion[] = Object.entries(files).map(([path, text]) => {
  const id = path.slice(path.lastIndexOf('/') + 1).replace(/\.json$/, '');
  let title = id;
  let published = '';
  try {
    const head = JSON.parse(text) as { title?: string; published?: string };
    title = head.title ?? id;
    published = head.published ?? '';
  } catch {
    // a broken overlay is reported by applyPlanVersion when it is chosen
  }
  return { id, label: `${id} (${title})`, published, overlay: { file: `rules/versions/${id}.json`, text } };
});

export const BASE_PLAN: PlanVersion = versions.find((v) => v.id === BASE_ID) ?? {
  id: BASE_ID,
  label: BASE_ID,
  published: '',
};

/** The base plan first, then the other versions by id. */
export const PLANS: readonly PlanVersion[] = [
  BASE_PLAN,
  ...versions.filter((v) => v.id !== BASE_PLAN.id).sort((a, b) => (a.id < b.id ? -1 : 1)),
];

/** Every version in the order it was published (the slider's order). */
export const PLANS_BY_DATE: readonly PlanVersion[] = [...PLANS].sort((a, b) =>
  a.published < b.published ? -1 : a.published > b.published ? 1 : 0,
);
