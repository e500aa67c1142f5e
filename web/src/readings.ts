// The readings form: one radio group per interpretation, one
// number per parameter; a change gives the new overrides at once.
import type { RuleSet } from '../../src/rules/ruleSet.js';
import { checkOverrides } from '../../src/run/settings.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { h } from './dom.js';

/** What the scenario itself says (or the rule set's default) for every interpretation and parameter. */
function baseReadings(ruleSet: RuleSet, scenario: Scenario | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of ruleSet.settings.interpretations)
    out[i.name] = (scenario?.interpretations as Record<string, string> | undefined)?.[i.name] ?? i.readings[0]!.value;
  for (const p of ruleSet.settings.parameters) out[p.name] = String(scenario?.parameters?.[p.name] ?? p.value);
  return out;
}

/** Overrides the rule set accepts; the rest are returned apart, to be reported. */
export function validOverrides(
  ruleSet: RuleSet,
  set: Record<string, string>,
): { set: Record<string, string>; dropped: string[] } {
  const kept: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [k, v] of Object.entries(set)) {
    if (checkOverrides(ruleSet, { [k]: v }).length === 0) kept[k] = v;
    else dropped.push(`${k}=${v}`);
  }
  return { set: kept, dropped };
}

interface ReadingsForm {
  /**
   * redraws the form for a rule set, a scenario and the overrides in force; `other` marks where another reading differs
   */
  render(
    ruleSet: RuleSet,
    scenario: Scenario | null,
    set: Record<string, string>,
    other?: Record<string, string>,
  ): void;
}

export function readingsForm(
  form: HTMLElement,
  prefix: string,
  onChange: (set: Record<string, string>) => void,
): ReadingsForm {
  let base: Record<string, string> = {};
  let current: Record<string, string> = {};
  const change = (name: string, value: string) => {
    const next = { ...current };
    if (base[name] === value) delete next[name];
    else next[name] = value;
    current = next;
    onChange(next);
  };
  return {
    render(ruleSet, scenario, set, other) {
      base = baseReadings(ruleSet, scenario);
      current = { ...set };
      const effective = { ...base, ...set };
      const otherEffective = other ? { ...base, ...other } : undefined;
      const groups = ruleSet.settings.interpretations.map((i) => {
        const differs = otherEffective !== undefined && otherEffective[i.name] !== effective[i.name];
        return h(
          'fieldset',
          { class: differs ? 'reading differs' : 'reading', 'data-name': i.name },
          h(
            'legend',
            {},
            h('code', {}, i.name),
            ` ${i.question} `,
            h('span', { class: 'muted' }, `(point ${i.points.join(', ')})`),
          ),
          ...i.readings.map((r, n) => {
            const id = `${prefix}-${i.name}-${r.value}`;
            const notes = [
              n === 0 ? 'default' : '',
              scenario?.interpretations?.[i.name] === r.value ? "the scenario's reading" : '',
            ]
              .filter(Boolean)
              .join('; ');
            const input = h('input', {
              type: 'radio',
              id,
              name: `${prefix}-${i.name}`,
              value: r.value,
              checked: effective[i.name] === r.value,
            });
            input.addEventListener('change', () => change(i.name, r.value));
            return h(
              'div',
              { class: 'choice' },
              input,
              h(
                'label',
                { for: id },
                h('strong', {}, r.value),
                notes ? h('span', { class: 'muted' }, ` (${notes})`) : null,
                h('span', { class: 'meaning' }, r.meaning),
              ),
            );
          }),
        );
      });
      const params = ruleSet.settings.parameters.map((p) => {
        const id = `${prefix}-${p.name}`;
        const input = h('input', {
          type: 'number',
          id,
          min: p.minimum,
          step: 1,
          value: effective[p.name],
          'data-name': p.name,
        });
        input.addEventListener('change', () => {
          if (input.validity.valid && input.value !== '') change(p.name, String(Number(input.value)));
        });
        const differs = otherEffective !== undefined && otherEffective[p.name] !== effective[p.name];
        return h(
          'div',
          { class: differs ? 'parameter differs' : 'parameter' },
          h('label', { for: id }, h('code', {}, p.name), ` (${p.unit}${p.assumption ? ', an assumption' : ''})`),
          input,
          h('span', { class: 'muted' }, p.source),
        );
      });
      const open = form.querySelector('details')?.open ?? false;
      const details = h('details', { open }, h('summary', {}, 'Parameters'), ...params);
      // redrawing must not lose the keyboard user's place
      const focused = form.contains(document.activeElement) ? document.activeElement?.id : undefined;
      form.replaceChildren(...groups, details);
      if (focused) document.getElementById(focused)?.focus();
    },
  };
}
