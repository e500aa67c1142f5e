// What-if views: two runs compared, the matrix of readings, a parameter sweep; text and Markdown.
import {
  guaranteeText,
  REGION_LABELS,
  VALUE_REGIONS,
  valueText,
  type Region,
  type Status,
  type ValueRegion,
} from '../plan/vocabulary.js';
import { outcomeChanges, outcomeText } from '../whatif/outcome.js';
import type { Comparison } from '../whatif/compare.js';
import type { Matrix } from '../whatif/matrix.js';
import type { Sweep } from '../whatif/sweep.js';
import { failedWords } from '../explain/conditionWords.js';
import { legendTextLines, wrap } from './text.js';
import { LEGEND } from '../plan/legend.js';
import { assumedWords, breachesCell, stepWords } from '../explain/words.js';

const tag = (f: { clause: string; points: string[] }) => `[${f.clause} · ${f.points.join(', ')}]`;

/**
 * The columns a date-by-date comparison shows: the guarantee
 * and the breaches always, any other region where it differs.
 */
type Column = ValueRegion | 'breaches';
const COLUMNS: readonly Column[] = ['guarantee', ...VALUE_REGIONS.filter((r) => r !== 'guarantee'), 'breaches'];
const value = (s: Status, c: Column) => (c === 'breaches' ? breachesCell(s) : valueText(s, c));
/** One cell: the value when both sides agree, "left ≠ right" when they differ. */
const pair = (l: Status, r: Status, c: Column) =>
  value(l, c) === value(r, c) ? value(l, c) : `${value(l, c)} ≠ ${value(r, c)}`;

function dateTable(c: Comparison): {
  columns: Column[];
  rows: Array<{ at: string; cells: string[]; differs: boolean }>;
} {
  const columns = COLUMNS.filter(
    (col) =>
      col === 'guarantee' || col === 'breaches' || c.rows.some((row) => value(row.left, col) !== value(row.right, col)),
  );
  const rows: Array<{ at: string; cells: string[]; differs: boolean }> = [];
  let last = '';
  for (const row of c.rows) {
    const cells = columns.map((col) => pair(row.left, row.right, col));
    const differs = columns.some((col) => value(row.left, col) !== value(row.right, col));
    if (JSON.stringify(cells) === last) continue;
    last = JSON.stringify(cells);
    rows.push({ at: row.at, cells, differs });
  }
  return { columns, rows };
}

const columnTitle = (col: Column) => REGION_LABELS[col as Region].short;

export function* compareLines(c: Comparison): Generator<string> {
  yield* wrap(
    `Comparing ${
      c.left.trace.scenario === c.right.trace.scenario
        ? c.left.trace.scenario
        : `${c.left.trace.scenario} and ${c.right.trace.scenario}`
    }`,
    80,
    '  ',
  );
  // a label is one unit (often a path): never broken after its "left:"
  yield `  left:  ${c.left.label}`;
  yield `  right: ${c.right.label}`;
  for (const side of [c.left, c.right])
    if (assumedWords(side.trace.assumed)) yield* wrap(`assumed: ${assumedWords(side.trace.assumed)}`, 80, '    ', '  ');
  yield '';
  const d = c.divergence;
  if (!d) yield 'The two runs agree on every date.';
  else {
    const row = c.rows.find((r) => r.at === d.at)!;
    const step = row.leftSteps[0] ?? row.rightSteps[0];
    yield* wrap(`First divergence on ${d.at}: ${step ? stepWords(step) : ''}`, 80, '  ');
    for (const change of outcomeChanges(row.left, row.right)) yield* wrap(`left → right: ${change}`, 80, '    ', '  ');
    for (const [side, only, other] of [
      ['left', d.onlyLeft, row.rightSteps],
      ['right', d.onlyRight, row.leftSteps],
    ] as const) {
      for (const f of only) {
        yield* wrap(`fired only on the ${side}: ${f.rule} ${tag(f)}`, 80, '      ', '  ');
        const miss = other.flatMap((s) => s.notFired).find((n) => n.rule === f.rule);
        const interpretations = new Set(Object.keys(c.left.trace.interpretations));
        if (miss)
          yield* wrap(
            `on the ${side === 'left' ? 'right' : 'left'} it did not fire: ` +
              `${failedWords(miss.conditions, interpretations).join('; ')}`,
            80,
            '      ',
            '    ',
          );
      }
    }
  }
  yield '';
  const table = dateTable(c);
  yield '(one value where both sides agree; left ≠ right where they differ)';
  const widths = table.columns.map((col, i) =>
    Math.min(40, Math.max(columnTitle(col).length, ...table.rows.map((r) => r.cells[i]!.length))),
  );
  const cell = (x: string, i: number) =>
    x.length > widths[i]! ? `${x.slice(0, widths[i]! - 1)}…` : x.padEnd(widths[i]!);
  const line = (first: string, cells: string[]) => `${first.padEnd(12)}${cells.map(cell).join('  ')}`.trimEnd();
  yield line('date', table.columns.map(columnTitle));
  for (const row of table.rows) yield line(row.at, row.cells);
  yield '';
  yield 'Final';
  yield* wrap(`left:  ${outcomeText(c.left.trace.final)}`, 80, '         ', '  ');
  yield* wrap(`right: ${outcomeText(c.right.trace.final)}`, 80, '         ', '  ');
  const changes = outcomeChanges(c.left.trace.final, c.right.trace.final);
  if (changes.length === 0) yield '  the same';
  for (const change of changes) yield* wrap(`left → right: ${change}`, 80, '    ', '  ');
  yield '';
  yield* legendTextLines(80);
}

export function compareMarkdown(c: Comparison): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const out = [
    `# Comparing ${esc(c.left.trace.title)}`,
    '',
    `- **left**: ${esc(c.left.label)}`,
    `- **right**: ${esc(c.right.label)}`,
    '',
  ];
  for (const side of [c.left, c.right])
    if (assumedWords(side.trace.assumed))
      out.push(`- **assumed** (${side === c.left ? 'left' : 'right'}): ${esc(assumedWords(side.trace.assumed))}`);
  const d = c.divergence;
  out.push(
    d
      ? `**First divergence: ${d.at}.** Regions that differ: ${d.regions.join(', ') || 'none'}; ` +
          `fired only on the left: ${d.onlyLeft.map((f) => `\`${f.rule}\``).join(', ') || 'none'}; ` +
          `only on the right: ${d.onlyRight.map((f) => `\`${f.rule}\``).join(', ') || 'none'}.`
      : '**The two runs agree on every date.**',
    '',
  );
  const table = dateTable(c);
  out.push('One value where both sides agree; **left ≠ right** where they differ.', '');
  out.push(
    `| date | ${table.columns.map(columnTitle).join(' | ')} |`,
    `|---|${table.columns.map(() => '---').join('|')}|`,
  );
  for (const row of table.rows)
    out.push(`| ${row.at} | ${row.cells.map((x) => (x.includes(' ≠ ') ? `**${esc(x)}**` : esc(x))).join(' | ')} |`);
  out.push('', '| final | left | right |', '|---|---|---|');
  for (const col of COLUMNS) {
    const [l, r] = [value(c.left.trace.final, col), value(c.right.trace.final, col)];
    out.push(`| ${columnTitle(col)} | ${l === r ? esc(l) : `**${esc(l)}**`} | ${l === r ? esc(r) : `**${esc(r)}**`} |`);
  }
  out.push('', '## Legend', '', ...LEGEND.map((l) => `- **${esc(l.term)}**: ${esc(l.meaning)}`), '');
  return out.join('\n');
}

const assumedLine = (assumed: Record<string, boolean>) =>
  assumedWords(assumed) ? [`assumed: ${assumedWords(assumed)}`] : [];

export function* matrixLines(m: Matrix): Generator<string> {
  yield* wrap(`${m.title} (${m.scenario}${m.plan ? `, plan ${m.plan}` : ''})`, 80, '  ');
  for (const l of assumedLine(m.assumed)) yield* wrap(l, 80, '  ');
  yield* wrap(`${m.combinations} combinations of ${m.varied.join(', ')}`, 80, '  ');
  if (m.facts.length)
    yield* wrap(
      `open facts, run both ways wherever the scenario and the readings leave them open: ` +
        `${m.facts.join(', ')} (${m.runs} runs in all)`,
      80,
      '  ',
    );
  yield m.dependsOn.length
    ? `The outcome depends on: ${m.dependsOn.join(', ')}`
    : 'The outcome is the same under every reading.';
  for (const note of m.notes) yield* wrap(`note: ${note}`, 80, '  ');
  yield '';
  const width = Math.max(...m.outcomes.map((o) => guaranteeText(o.final).length));
  for (const [i, o] of m.outcomes.entries()) {
    yield* wrap(
      `${guaranteeText(o.final).padEnd(width)}  ${String(o.count).padStart(4)} of ${m.runs}  when ${o.when}`,
      80,
      ' '.repeat(width + 14),
      '',
    );
    yield* wrap(i === 0 ? o.outcome : `differs from the first: ${o.changes.join('; ')}`, 80, '      ', '    ');
  }
}

export function matrixMarkdown(m: Matrix): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const out = [`# ${m.title}`, ''];
  if (assumedWords(m.assumed)) out.push(`**Assumed:** ${esc(assumedWords(m.assumed))}.`, '');
  const code = (name: string) => `\`${name}\``;
  const facts = m.facts.length
    ? `; open facts run both ways where they are open: ${m.facts.map(code).join(', ')} (${m.runs} runs)`
    : '';
  out.push(
    `${m.combinations} combinations of ${m.varied.map(code).join(', ')}${m.plan ? ` (plan ${m.plan})` : ''}${facts}. ` +
      `The outcome depends on: ${m.dependsOn.map(code).join(', ') || 'nothing: it is the same under every reading'}.`,
    ...m.notes.map((n) => `\n> Note: ${esc(n)}.`),
    '',
    '| final guarantee | runs | when | the whole outcome |',
    '|---|---|---|---|',
  );
  for (const [i, o] of m.outcomes.entries())
    out.push(
      `| ${guaranteeText(o.final)} | ${o.count} | ${esc(o.when)} ` +
        `| ${esc(i === 0 ? o.outcome : `differs from the first: ${o.changes.join('; ')}`)} |`,
    );
  return `${out.join('\n')}\n`;
}

export function* sweepLines(s: Sweep): Generator<string> {
  yield* wrap(`${s.scenario}: the outcome as ${s.parameter} varies`, 80, '  ');
  for (const l of assumedLine(s.assumed)) yield* wrap(l, 80, '  ');
  yield '';
  const w = Math.max(12, s.parameter.length);
  yield `${s.parameter.padStart(w)}  final guarantee (breaches)`;
  for (const p of s.points) yield `${String(p.value).padStart(w)}  ${p.outcome} (${p.breaches})`;
  yield '';
  if (s.flips.length === 0) yield 'The whole outcome (every region and every breach) is the same over this range.';
  for (const f of s.flips) yield* wrap(`flips between ${f.from} and ${f.to}: ${f.changes.join('; ')}`, 80, '    ');
}

export function sweepMarkdown(s: Sweep): string {
  const out = [`# ${s.scenario}: the outcome as \`${s.parameter}\` varies`, ''];
  if (assumedWords(s.assumed)) out.push(`**Assumed:** ${assumedWords(s.assumed)}.`, '');
  out.push(`| ${s.parameter} | final guarantee | breaches |`, '|---:|---|---:|');
  for (const p of s.points) out.push(`| ${p.value} | ${p.outcome} | ${p.breaches} |`);
  out.push(
    '',
    s.flips.length
      ? s.flips.map((f) => `- flips between ${f.from} and ${f.to}: ${f.changes.join('; ')}`).join('\n')
      : 'The whole outcome (every region and every breach) is the same over this range.',
  );
  return `${out.join('\n')}\n`;
}
