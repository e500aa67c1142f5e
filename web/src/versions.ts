// The scenario under every plan version, as a timeline with a
// slider: moving it picks that version and reruns the scenario.
import { breachesCell } from '../../src/explain/words.js';
import { decisionWords } from '../../src/render/versions.js';
import { guaranteeText } from '../../src/plan/vocabulary.js';
import type { RuleSet } from '../../src/rules/ruleSet.js';
import type { LoadedScenario } from '../../src/scenario/parse.js';
import { runVersions } from '../../src/whatif/versions.js';
import { byId, h } from './dom.js';
import { PLANS_BY_DATE } from './plans.js';

/** Sets the slider's range once; `choose` is called with the version id the slider moves to. */
export function wireVersionSlider(choose: (id: string) => void): void {
  const slider = byId<HTMLInputElement>('version-slider');
  slider.max = String(PLANS_BY_DATE.length - 1);
  slider.addEventListener('input', () => choose(PLANS_BY_DATE[Number(slider.value)]!.id));
}

/** Runs the scenario under every version and lists the outcomes in date order, the current one marked. */
export async function renderVersions(
  loaded: LoadedScenario,
  ruleSets: RuleSet[],
  set: Record<string, string>,
  current: string,
): Promise<void> {
  const slider = byId<HTMLInputElement>('version-slider');
  const at = PLANS_BY_DATE.findIndex((p) => p.id === current);
  slider.value = String(Math.max(0, at));
  byId('version-name').textContent = `${current} (${PLANS_BY_DATE[at]?.published ?? ''})`;
  let report: Awaited<ReturnType<typeof runVersions>>;
  try {
    report = await runVersions(loaded, ruleSets, { set });
  } catch (error) {
    byId('version-timeline').replaceChildren(
      h('li', {}, `The scenario cannot be run under every version: ${(error as Error).message}`),
    );
    return;
  }
  byId('version-timeline').replaceChildren(
    ...report.versions.map((v) =>
      h(
        'li',
        {
          class: `version${v.version === current ? ' current' : ''}${v.differs.length ? ' differs' : ''}`,
          'data-version': v.version,
          'aria-current': v.version === current ? 'true' : undefined,
        },
        h('span', { class: 'when' }, v.published),
        ' ',
        h('strong', {}, v.version),
        ': guarantee ',
        h('strong', {}, guaranteeText(v.final)),
        `, breaches: ${breachesCell(v.final)}`,
        h('div', { class: 'muted' }, decisionWords(v)),
      ),
    ),
  );
}
