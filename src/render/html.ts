// The run as one self-contained HTML page: no script, no network; inline CSS and SVG; every scenario text escaped.
import { dateWords } from '../plan/dates.js';
import { LEGEND, POINT_27_CONSEQUENCE } from '../plan/legend.js';
import { partyName } from '../plan/parties.js';
import { REGION_LABELS, type Region } from '../plan/vocabulary.js';
import type { Source } from '../rules/schema.js';
import type { Trace } from '../run/trace.js';
import { chosenSettings, explain, whyNotOf, type RegionReason } from '../explain/explain.js';
import { heldConditions } from '../explain/seen.js';
import { notStatedNote } from '../explain/conditionWords.js';
import { conditionList } from './explainText.js';
import { assumptionTexts, citedClauses, timeline } from '../explain/steps.js';
import { guaranteeText, PATH_COLOURS } from '../plan/vocabulary.js';
import { esc, fillOf, statechartSvg, swimlaneSvg } from './svg.js';
import { assumedWords, chosenWords, sensitivityWords, stepWords, stepNumber } from '../explain/words.js';
import { VERSIONS_STYLE, versionsHtml } from './versions.js';
import type { VersionsReport } from '../whatif/versions.js';
import { BASE_PLAN } from '../rules/versions.js';

// A backslash ending a line joins it to the next: one line of CSS, two lines of source.
const STYLE = `
:root { color-scheme: light; --ink: #111827; --muted: #6b7280; --line: #e5e7eb; --accent: #b45309; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; \
max-width: 1100px; padding: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; } \
h2 { font-size: 1.2rem; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.meta, .muted { color: var(--muted); font-size: 0.9rem; }
code { font: 0.85rem ui-monospace, SFMono-Regular, Menlo, monospace; background: #f3f4f6; padding: 0 3px; \
border-radius: 3px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card .value { font-weight: 700; font-size: 1.1rem; } \
.card .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
.figure { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; padding: 8px; background: #fff; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; } td:nth-child(2) { white-space: nowrap; } \
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
tr.deadline td:nth-child(3) { font-style: italic; } td.changes div + div { margin-top: 2px; } \
.whynot { color: var(--muted); font-size: 0.85rem; margin-top: 4px; }
.clause { border-left: 3px solid var(--line); padding: 2px 12px; margin: 12px 0; } \
.clause h3 { font-size: 1rem; margin: 0; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); } svg .axis { fill: var(--muted); font-size: 11px; } \
svg .tick { stroke: #e5e7eb; } svg .final-rule { stroke: #374151; stroke-dasharray: 4 3; }
svg .lane-label { font-weight: 600; } svg .seg-label { font-size: 11px; } \
svg .step-mark { stroke: #6b7280; stroke-width: 1.5; } svg .step-mark.deadline { stroke: #2563eb; }
svg .breach-mark { fill: #dc2626; stroke: #fff; }
svg .region-box { fill: #f9fafb; stroke: #d1d5db; } svg .region-label { font-weight: 700; font-size: 13px; }
svg .state rect { fill: #fff; stroke: #9ca3af; } svg .state text { fill: #6b7280; } \
svg .state.compound > rect { fill: #fafafa; }
svg .state.terminal rect.inner { fill: none; } \
svg .state.visited > rect { fill: ${PATH_COLOURS.visited}; stroke: ${PATH_COLOURS.move}; } \
svg .state.visited text { fill: var(--ink); }
svg .state.current > rect { fill: ${PATH_COLOURS.current}; stroke: ${PATH_COLOURS.currentStroke}; stroke-width: 3; } \
svg .state.current.compound > rect { fill: ${PATH_COLOURS.visited}; } \
svg .state.current text { font-weight: 700; fill: var(--ink); }
svg .initial { fill: #111827; } svg .move { fill: none; stroke: ${PATH_COLOURS.move}; stroke-width: 2; }
.sources { margin: 0 0 8px; font-size: 0.85rem; overflow-wrap: anywhere; } dl dt { font-weight: 700; } \
dl dd { margin: 0 0 6px 16px; }
.legend span { margin-right: 14px; } \
.legend i { display: inline-block; width: 12px; height: 12px; border-radius: 3px; vertical-align: -1px; \
margin-right: 4px; border: 1px solid #9ca3af; }
@media print { .figure { overflow: visible; } }
${VERSIONS_STYLE}
`;

const citeLink = (clause: string, points: string[]) =>
  `<a href="#clause-${esc(clause)}">${esc(clause)}</a> · ${esc(points.join(', '))}`;

/**
 * A clause's sources: each address (as text: the page links to
 * nothing outside it), how sure it is and what it supports.
 */
function sourcesHtml(sources: Source[]): string {
  if (sources.length === 0) return '';
  const item = (x: Source) =>
    `<li><span class="address">${esc(x.address)}</span> (${esc(x.confidence)}): ${esc(x.supports)}</li>`;
  return `<p class="muted">Sources:</p><ul class="sources">${sources.map(item).join('')}</ul>`;
}

function card(r: RegionReason): string {
  const value = r.value ?? '—';
  const set = r.setBy;
  const notYet = r.notYet
    ? `; not yet: rule <code>${esc(r.notYet.rule)}</code> (${citeLink(r.notYet.clause.id, r.notYet.points)}) ` +
      `did not fire: ${esc(r.notYet.reason)}`
    : '';
  const how = set
    ? `since ${esc(r.since ?? '')}: ${esc(set.step.words)}; ` +
      `rule <code>${esc(set.rule)}</code> (${citeLink(set.clause.id, set.points)})`
    : `the initial status${notYet}`;
  return (
    `<div class="card" data-region="${esc(r.region)}">` +
    `<div class="muted">${esc(REGION_LABELS[r.region as Region]?.title ?? r.region)}</div>` +
    `<div class="value"><span class="swatch" style="background:${fillOf(value)}"></span>` +
    `${esc(value)}</div>` +
    `<div class="muted">${how}</div></div>`
  );
}

/** `versions`: the same scenario under every plan version, shown as a timeline of versions. */
export function htmlReport(trace: Trace, versions?: VersionsReport): string {
  const e = explain(trace);
  const interpretations = new Set(Object.keys(trace.interpretations));
  const chosen = Object.entries(chosenSettings(trace)).map(([k, v]) => `<code>${esc(`${k}=${v}`)}</code>`);
  const out: string[] = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" ` +
      `content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(trace.title)} · casus</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${esc(trace.title)}</h1>` +
      `<p class="meta"><code>${esc(trace.scenario)}</code> · <code>${esc(trace.file)}</code> · ` +
      `run to ${esc(trace.horizon)} · readings: ${chosenWords(chosen)}` +
      `${assumedWords(trace.assumed) ? ` · <strong>assumed: ${esc(assumedWords(trace.assumed))}</strong>` : ''}${
        trace.plan && trace.plan.changes > 0
          ? ` · plan: <code>${esc(trace.plan.version)}</code>, ${esc(trace.plan.title)}`
          : ''
      }</p></header>`,
    '<section id="summary">',
    `<h2>At the end of the run the guarantee is ${esc(guaranteeText(trace.final))}</h2>`,
    ...(trace.sensitivity
      ? [`<p class="sensitivity"><strong>Sensitivity:</strong> ${esc(sensitivityWords(trace.sensitivity))}</p>`]
      : []),
    `<div class="cards">${e.regions.map(card).join('')}</div>`,
  ];
  if (e.breaches.length) {
    out.push('<p><strong>Breaches recorded</strong></p><ul>');
    for (const b of e.breaches)
      out.push(
        `<li>${esc(b.at)}: <code>${esc(b.kind)}</code> by ${esc(partyName(b.party))} ` +
          `(${citeLink(b.clause, b.clauseCitation.points)})` +
          `${b.clauseCitation.planNamesConsequence ? '' : `; ${esc(POINT_27_CONSEQUENCE)}`}</li>`,
      );
    out.push('</ul>');
  } else out.push('<p>No breaches recorded.</p>');
  if (trace.milestones.entryIntoForce)
    out.push(
      `<p>In force since ${esc(trace.milestones.entryIntoForce)}` +
        `${trace.milestones.termEnds ? `; the term ends ${esc(dateWords(trace.milestones.termEnds))}` : ''}.</p>`,
    );
  const assumed = assumptionTexts(trace, new Set(citedClauses(trace).map((c) => c.id)));
  if (assumed.length) out.push(`<p class="muted">Assumptions, not in the plan: ${assumed.map(esc).join('; ')}.</p>`);
  if (trace.expectations.length) {
    const failed = trace.expectations.filter((x) => !x.ok);
    out.push(
      `<p>${
        failed.length
          ? `<strong>Expectations: ${failed.length} of ${trace.expectations.length} failed.</strong>`
          : `Expectations: all ${trace.expectations.length} hold.`
      }</p>`,
    );
    if (failed.length)
      out.push(
        `<ul>${failed
          .map(
            (x) =>
              `<li>line ${x.line}, on ${esc(x.on)}: expected <code>${esc(JSON.stringify(x.expected))}</code>, ` +
              `got <code>${esc(JSON.stringify(x.actual))}</code></li>`,
          )
          .join('')}</ul>`,
      );
  }
  out.push('</section>');

  out.push(
    '<section id="swimlane"><h2>Status over time</h2>',
    `<div class="figure">${swimlaneSvg(trace)}</div>`,
    '<p class="muted">Each lane is one region of the status; ' +
      'marks below are the steps (deadlines in blue) and breaches (red). Hover for dates.</p></section>',
  );

  out.push(
    '<section id="timeline"><h2>Timeline</h2><table><thead>' +
      '<tr><th>#</th><th>date</th><th>event</th><th>what changed</th><th>rule · clause</th></tr></thead><tbody>',
  );
  for (const { step, changes } of timeline(trace)) {
    const note = step.event?.note ? `<div class="muted">${esc(step.event.note)}</div>` : '';
    const why = whyNotOf(trace, step)
      .map(
        (w) =>
          `<div class="whynot">why not: <code>${esc(w.rule)}</code> (${citeLink(w.clause.id, w.points)}) ` +
          `${w.kind === 'no-effect' ? `fired to no effect: ${esc(w.reason)}` : `did not fire: ${esc(w.reason)}`}</div>`,
      )
      .join('');
    const rules = step.fired.map((f) => {
      const held = conditionList(heldConditions(f.conditions, interpretations));
      const unstated = notStatedNote(f.conditions);
      return (
        `<div title="${esc(held ? `because ${held}` : '')}">` +
        `<code>${esc(f.rule)}</code> · ${citeLink(f.clause, f.points)}` +
        `${unstated ? `<div class="not-stated muted">${esc(unstated)}</div>` : ''}</div>`
      );
    });
    out.push(
      `<tr class="${step.kind}" data-step="${step.index}"><td>${stepNumber(step)}</td><td>${esc(step.at)}</td>` +
        `<td>${esc(stepWords(step))}${step.kind === 'deadline' ? ' <span class="muted">(deadline)</span>' : ''}` +
        `${note}</td>` +
        `<td class="changes">${changes.map((c) => `<div>${esc(c.text)}</div>`).join('') || '—'}${why}</td>` +
        `<td>${rules.join('') || '—'}</td></tr>`,
    );
  }
  out.push('</tbody></table></section>');

  out.push(
    '<section id="statechart"><h2>The statechart and the path this run took</h2>',
    `<div class="figure">${statechartSvg(trace)}</div>`,
  );
  out.push(
    '<p class="legend muted">' +
      `<span><i style="background:${PATH_COLOURS.visited}"></i>visited on this run</span>` +
      `<span><i style="background:${PATH_COLOURS.current}"></i>where the run ended (◉)</span>` +
      '<span><i style="background:#fff"></i>not visited</span>' +
      '<span>double border: terminal</span><span>arrows: the moves this run made</span></p></section>',
  );

  if (versions?.versions.length) out.push(versionsHtml(versions, trace.plan?.version ?? BASE_PLAN));
  out.push('<section id="clauses"><h2>Clauses cited</h2>');
  for (const c of citedClauses(
    trace,
    e.whyNot.map((w) => w.clause.id),
  )) {
    out.push(
      `<article class="clause" id="clause-${esc(c.id)}"><h3>${esc(c.id)}: ${esc(c.title)}</h3>` +
        `<p class="muted">point${c.points.length > 1 ? 's' : ''} ${esc(c.points.join(', '))} · ${esc(c.kind)}</p>` +
        `<p>${esc(c.paraphrase)}</p><p><em>Consequence:</em> ${esc(c.consequence)}</p>` +
        `${sourcesHtml(c.sources)}</article>`,
    );
  }
  out.push(
    '</section>',
    `<section id="legend-terms"><h2>Legend</h2>` +
      `<dl>${LEGEND.map((l) => `<dt>${esc(l.term)}</dt><dd>${esc(l.meaning)}</dd>`).join('')}</dl></section>`,
  );
  out.push(
    '<footer class="muted"><p>Paraphrases are ours, not the plan’s text. ' +
      'Generated by casus from the trace of this run; every view is computed from that trace.</p></footer>',
    '</body>',
    '</html>',
  );
  return `${out.join('\n')}\n`;
}
