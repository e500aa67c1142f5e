// The scenario under every version of the plan: a table in date order, then the change that altered each outcome.
import { guaranteeText, REGION_LABELS, statusLine, VALUE_REGIONS, valueText } from '../plan/vocabulary.js';
import type { DecidingChange, VersionOutcome, VersionsReport } from '../whatif/versions.js';
import { breachesCell } from '../explain/words.js';
import { mdText } from './markdown.js';
import { esc } from './svg.js';
import { wrap } from './text.js';

/** The table's columns: version, date, every region with one value, the breaches. */
const COLUMNS = ['version', 'date', ...VALUE_REGIONS.map((r) => REGION_LABELS[r].short), REGION_LABELS.breaches.short];
const row = (v: VersionOutcome) => [
  v.version,
  v.published,
  ...VALUE_REGIONS.map((r) => valueText(v.final, r)),
  breachesCell(v.final),
];

/** One sentence on what decided a version's outcome, or why nothing did. */
export function decisionWords(v: VersionOutcome): string {
  if (!v.buildsOn) return 'the first version: nothing before it to differ from';
  if (v.differs.length === 0) return `no change from ${v.buildsOn} altered this scenario's outcome`;
  const d = v.decidedBy;
  if (!d) return `differs from ${v.buildsOn} in ${v.differs.join(', ')}, but no single change of its own does it alone`;
  return (
    `differs from ${v.buildsOn} in ${v.differs.join(', ')}: ` +
    `change ${d.index}, ${d.change}${citation(d)}${d.at ? `, from ${d.at}` : ''}`
  );
}

const citation = (d: DecidingChange) =>
  `${d.rule ? ` (rule ${d.rule}` : ' ('}${d.clause ? `${d.rule ? ', ' : ''}clause ${d.clause}` : ''}; ` +
  `point${d.points.length > 1 ? 's' : ''} ${d.points.join(', ')}; ${d.confidence})`;

export function* versionsLines(report: VersionsReport): Generator<string> {
  yield* wrap(
    `${report.title} (${report.scenario}) under every version of the plan, in the order they were published`,
    80,
    '  ',
  );
  yield '';
  const rows = [COLUMNS, ...report.versions.map(row)];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) yield r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  yield '';
  yield 'What altered the outcome, version by version:';
  for (const v of report.versions) {
    yield* wrap(`${v.version}: ${decisionWords(v)}`, 80, '      ', '  ');
    if (v.decidedBy) {
      yield* wrap(v.decidedBy.note, 80, '      ', '      ');
      for (const s of v.decidedBy.sources)
        yield* wrap(`source: ${s.address} (${s.confidence})`, 80, '        ', '      ');
    }
  }
}

export function versionsMarkdown(report: VersionsReport): string {
  const cells = (r: string[]) => `| ${r.map(mdText).join(' | ')} |`;
  const out = [
    `# ${mdText(report.title)}: every version of the plan`,
    '',
    `Scenario \`${report.scenario}\`, under each version in the order it was published.`,
    '',
  ];
  out.push(
    cells(COLUMNS),
    `|${COLUMNS.map(() => '---').join('|')}|`,
    ...report.versions.map((v) => cells(row(v))),
    '',
    '## What altered the outcome',
    '',
  );
  for (const v of report.versions) {
    out.push(`- **${mdText(v.version)}**: ${mdText(decisionWords(v))}`);
    if (v.decidedBy) {
      out.push(`  ${mdText(v.decidedBy.note)}`);
      for (const s of v.decidedBy.sources)
        out.push(`  - source: ${mdText(s.address)} (${s.confidence}): ${mdText(s.supports)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The HTML report's section: the versions as a timeline, each with its final status and what changed it. */
export function versionsHtml(report: VersionsReport, current: string | null): string {
  const items = report.versions.map((v) => {
    const sources =
      v.decidedBy?.sources
        .map((s) => `<li><span class="address">${esc(s.address)}</span> (${esc(s.confidence)})</li>`)
        .join('') ?? '';
    return (
      `<li class="version${v.version === current ? ' current' : ''}${v.differs.length ? ' differs' : ''}" ` +
      `data-version="${esc(v.version)}">` +
      `<div class="when">${esc(v.published)}</div>` +
      `<div><strong>${esc(v.version)}</strong> <span class="muted">${esc(v.title)}</span></div>` +
      `<div>guarantee <strong>${esc(guaranteeText(v.final))}</strong> ` +
      `· ${esc(statusLine(v.final, ' · ', 'guarantee'))} · breaches: ${esc(breachesCell(v.final))}</div>` +
      `<div class="muted">${esc(decisionWords(v))}</div>${sources ? `<ul class="sources">${sources}</ul>` : ''}</li>`
    );
  });
  return (
    `<section id="versions"><h2>Under every version of the plan</h2>` +
    `<p class="muted">The same scenario under each version, in the order published; ` +
    `each says what it changed from the version it builds on.</p>` +
    `<ol class="versions">${items.join('')}</ol></section>`
  );
}

// A backslash ending a line joins it to the next: one line of CSS, two lines of source.
export const VERSIONS_STYLE = `\
ol.versions { list-style: none; padding: 0; border-left: 3px solid var(--line); } \
ol.versions li { margin: 0 0 12px; padding-left: 14px; position: relative; }
ol.versions li::before { content: ""; position: absolute; left: -8px; top: 6px; width: 12px; height: 12px; \
border-radius: 50%; background: #fff; border: 2px solid #9ca3af; }
ol.versions li.differs::before { border-color: var(--accent); background: #fde68a; } \
ol.versions li.current { background: #fffbeb; } ol.versions .when { color: var(--muted); font-size: 0.85rem; }`;
