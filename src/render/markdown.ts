// The run as a Markdown report that reads well on GitHub: summary,
// timeline table, step by step, the statechart, the clauses.
import { dateWords } from '../plan/dates.js';
import { LEGEND, POINT_27_CONSEQUENCE } from '../plan/legend.js';
import { partyName } from '../plan/parties.js';
import { REGION_LABELS, type Region } from '../plan/vocabulary.js';
import type { Trace } from '../run/trace.js';
import { mermaid } from './diagram.js';
import { chosenSettings, explain, whyNotOf, type RegionReason } from '../explain/explain.js';
import { heldConditions } from '../explain/seen.js';
import { notStatedNote } from '../explain/conditionWords.js';
import { conditionList } from './explainText.js';
import { assumptionTexts, citedClauses, timeline } from '../explain/steps.js';
import { guaranteeText } from '../plan/vocabulary.js';
import { assumedWords, chosenWords, sensitivityWords, stepWords, stepNumber } from '../explain/words.js';

/** Scenario text in running Markdown: no HTML, no accidental emphasis, links or code. */
export function mdText(s: string): string {
  return s
    .replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}

/** A table cell: as running text, with | escaped (mdText does) and line breaks as <br>. */
const mdCell = (lines: string[]) => (lines.length ? lines.map(mdText).join('<br>') : '—');
const code = (s: string) => `\`${s.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
const anchor = (id: string) => `#clause-${id}`;
const cite = (clause: string, points: string[]) => `[${clause}](${anchor(clause)}) · ${points.join(', ')}`;
/** An address as an autolink; anything that could break out of one is shown as code instead. */
const link = (address: string) => (/^https?:\/\/[^\s<>`|\\]+$/.test(address) ? `<${address}>` : code(address));

const REGION_NAME = (region: string) => REGION_LABELS[region as Region]?.short ?? region;

function summaryRow(r: RegionReason): string {
  const set = r.setBy;
  const n = r.notYet;
  const by = set
    ? `${mdText(set.step.words)} (step ${stepNumber(set.step)})`
    : n
      ? `initial status; not yet: ${mdText(n.reason)}`
      : 'initial status';
  const rule = set
    ? `${code(set.rule)}, ${cite(set.clause.id, set.points)}`
    : n
      ? `${code(n.rule)} did not fire, ${cite(n.clause.id, n.points)}`
      : '—';
  return `| ${REGION_NAME(r.region)} | **${mdText(r.value ?? '—')}** | ${r.since ?? '—'} | ${by} | ${rule} |`;
}

export function markdownReport(trace: Trace): string {
  const e = explain(trace);
  const out: string[] = [];
  out.push(`# ${mdText(trace.title)}`, '');
  out.push(`${code(trace.scenario)} · ${code(trace.file)} · run to ${trace.horizon}`, '');
  const chosen = Object.entries(chosenSettings(trace)).map(([k, v]) => code(`${k}=${v}`));
  out.push(`Readings: ${chosenWords(chosen)}.`, '');
  if (assumedWords(trace.assumed)) out.push(`**Assumed:** ${mdText(assumedWords(trace.assumed))}.`, '');
  if (trace.plan && trace.plan.changes > 0)
    out.push(
      `Plan version: ${code(trace.plan.version)}, ` +
        `${mdText(trace.plan.title)} (${trace.plan.changes} changes from the base plan).`,
      '',
    );

  out.push('## Summary', '');
  out.push(`At the end of the run the guarantee is **${mdText(guaranteeText(trace.final))}**.`, '');
  if (trace.sensitivity) out.push(`Sensitivity: ${mdText(sensitivityWords(trace.sensitivity))}.`, '');
  out.push('| region | status | since | set by | rule, clause |', '|---|---|---|---|---|');
  for (const r of e.regions) out.push(summaryRow(r));
  out.push('');
  if (e.breaches.length === 0) out.push('No breaches recorded.', '');
  for (const b of e.breaches) {
    const none = b.clauseCitation.planNamesConsequence ? '' : `; ${POINT_27_CONSEQUENCE}`;
    out.push(
      `- Breach on ${b.at}: ${code(b.kind)} by ${mdText(partyName(b.party))}, ` +
        `${cite(b.clause, b.clauseCitation.points)}${none}`,
    );
  }
  if (e.breaches.length) out.push('');
  if (trace.milestones.entryIntoForce)
    out.push(
      `In force since ${trace.milestones.entryIntoForce}` +
        `${trace.milestones.termEnds ? `; the term ends ${dateWords(trace.milestones.termEnds)}` : ''}.`,
      '',
    );
  const assumed = assumptionTexts(trace, new Set(citedClauses(trace).map((c) => c.id))).map(mdText);
  if (assumed.length) out.push(`Assumptions, not in the plan: ${assumed.join('; ')}.`, '');
  if (trace.expectations.length) {
    const failed = trace.expectations.filter((x) => !x.ok);
    out.push(
      failed.length
        ? `**Expectations: ${failed.length} of ${trace.expectations.length} failed.**`
        : `Expectations: all ${trace.expectations.length} hold.`,
      '',
    );
    for (const x of failed)
      out.push(
        `- line ${x.line}, on ${x.on}: expected ${code(JSON.stringify(x.expected))}, ` +
          `got ${code(JSON.stringify(x.actual))}`,
      );
    if (failed.length) out.push('');
  }

  const rows = timeline(trace);
  out.push('## Timeline', '');
  out.push('| # | date | event | what changed | rule · clause |', '|--:|---|---|---|---|');
  for (const { step, changes } of rows) {
    const what = step.kind === 'deadline' ? `*${mdText(stepWords(step))}* (deadline)` : mdText(stepWords(step));
    const unstated = step.fired.flatMap((f) => {
      const note = notStatedNote(f.conditions);
      return note ? [`*${code(f.rule)} ${mdText(note)}*`] : [];
    });
    const rules = [...new Set(changes.map((c) => `${code(c.rule)} · ${cite(c.clause, c.points)}`)), ...unstated];
    out.push(
      `| ${stepNumber(step)} | ${step.at} | ${what} ` +
        `| ${mdCell(changes.map((c) => c.text))} | ${rules.join('<br>') || '—'} |`,
    );
  }
  out.push('');

  out.push('## Step by step', '');
  const interpretations = new Set(Object.keys(trace.interpretations));
  for (const { step, changes } of rows) {
    const why = whyNotOf(trace, step);
    if (step.fired.length === 0 && why.length === 0) continue;
    out.push(`### ${step.at} · ${mdText(stepWords(step))}`, '');
    out.push(
      `Step ${stepNumber(step)}${step.line ? `, line ${step.line}` : ''}` +
        `${step.event?.note ? `. Note: ${mdText(step.event.note)}` : ''}.`,
      '',
    );
    for (const f of step.fired) {
      const held = conditionList(heldConditions(f.conditions, interpretations));
      const effects = changes.filter((c) => c.rule === f.rule).map((c) => mdText(c.text));
      const effect = effects.length
        ? effects.join('; ')
        : f.unaffected.length
          ? `no effect: ${f.unaffected.map((u) => mdText(`${u.region}: ${u.reason}`)).join('; ')}`
          : 'no change of status';
      out.push(
        `- ${code(f.rule)} fired (${cite(f.clause, f.points)})` +
          `${held ? ` because ${mdText(held)}` : ''}. **${effect}.**`,
      );
    }
    for (const w of why) {
      if (w.kind === 'no-effect') continue;
      out.push(
        `- *Why not:* ${code(w.rule)} (${cite(w.clause.id, w.points)}) did not fire: ${mdText(w.reason)}. ` +
          `The guarantee stayed ${mdText(w.guarantee)}.`,
      );
    }
    out.push('');
  }

  out.push('## The statechart', '');
  out.push(
    'Generated from the machine definition. ' +
      'States this run passed through are shaded; the states it ended in are outlined.',
    '',
  );
  out.push('```mermaid', mermaid(trace).trimEnd(), '```', '');

  out.push('## Clauses cited', '');
  for (const c of citedClauses(
    trace,
    e.whyNot.map((w) => w.clause.id),
  )) {
    out.push(`<a id="clause-${c.id}"></a>`, '', `### ${c.id}: ${mdText(c.title)}`, '');
    out.push(`Point${c.points.length > 1 ? 's' : ''} ${c.points.join(', ')} · ${c.kind}`, '');
    out.push(`${mdText(c.paraphrase)}`, '');
    out.push(`*Consequence:* ${mdText(c.consequence)}`, '');
    if (c.sources.length)
      out.push(
        'Sources:',
        '',
        ...c.sources.map((x) => `- ${link(x.address)} (${x.confidence}): ${mdText(x.supports)}`),
        '',
      );
  }
  out.push('## Legend', '');
  for (const l of LEGEND) out.push(`- **${mdText(l.term)}**: ${mdText(l.meaning)}`);
  out.push('');
  out.push('*Paraphrases are ours, not the plan’s text. Generated by casus from the trace of this run.*');
  return `${out.join('\n')}\n`;
}
