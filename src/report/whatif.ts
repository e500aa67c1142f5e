// What-if views: two runs compared, the matrix of readings, a parameter sweep; text and Markdown.
import { guaranteeText as guarantee, statusLine as regionsLine, type Status } from '../plan/vocabulary.js';
import type { Comparison } from '../whatif/compare.js';
import type { Matrix } from '../whatif/matrix.js';
import type { Sweep } from '../whatif/sweep.js';
import { failedWords } from './conditionWords.js';
import { wrap } from './text.js';
import { stepWords } from './words.js';

const statusLine = (s: Status) => `${regionsLine(s)} · ${s.breaches.length} breach${s.breaches.length === 1 ? '' : 'es'}`;
const tag = (f: { clause: string; points: string[] }) => `[${f.clause} · ${f.points.join(', ')}]`;
const cell = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));

export function* compareLines(c: Comparison): Generator<string> {
  yield* wrap(`Comparing ${c.left.trace.scenario === c.right.trace.scenario ? c.left.trace.scenario : `${c.left.trace.scenario} and ${c.right.trace.scenario}`}`, 80, '  ');
  yield* wrap(`left:  ${c.left.label}`, 80, '         ', '  ');
  yield* wrap(`right: ${c.right.label}`, 80, '         ', '  ');
  yield '';
  const d = c.divergence;
  if (!d) yield 'The two runs agree on every date.';
  else {
    const row = c.rows.find((r) => r.at === d.at)!;
    const step = row.leftSteps[0] ?? row.rightSteps[0];
    yield* wrap(`First divergence on ${d.at}: ${step ? stepWords(step) : ''}`, 80, '  ');
    yield* wrap(`left:  ${statusLine(row.left)}`, 80, '         ', '  ');
    yield* wrap(`right: ${statusLine(row.right)}`, 80, '         ', '  ');
    if (d.regions.length) yield `  regions that differ: ${d.regions.join(', ')}`;
    for (const [side, only, other] of [['left', d.onlyLeft, row.rightSteps], ['right', d.onlyRight, row.leftSteps]] as const) {
      for (const f of only) {
        yield* wrap(`fired only on the ${side}: ${f.rule} ${tag(f)}`, 80, '      ', '  ');
        const miss = other.flatMap((s) => s.notFired).find((n) => n.rule === f.rule);
        const readings = new Set(Object.keys(c.left.trace.interpretations));
        if (miss) yield* wrap(`on the ${side === 'left' ? 'right' : 'left'} it did not fire: ${failedWords(miss.conditions, readings).join('; ')}`, 80, '      ', '    ');
      }
    }
  }
  yield '';
  yield `${'date'.padEnd(13)}${cell('left', 32)} right`;
  let last = '';
  for (const row of c.rows) {
    const text = `${cell(guarantee(row.left), 32)} ${cell(guarantee(row.right), 32)}`;
    const differs = JSON.stringify(row.left) !== JSON.stringify(row.right);
    if (text === last && !differs) continue;
    last = text;
    yield `${row.at}${differs ? ' ≠ ' : '   '}${text}`.trimEnd();
  }
  yield '';
  yield 'Final';
  yield* wrap(`left:  ${statusLine(c.left.trace.final)}`, 80, '         ', '  ');
  yield* wrap(`right: ${statusLine(c.right.trace.final)}`, 80, '         ', '  ');
  yield c.finalDiffers.length ? `  they differ in: ${c.finalDiffers.join(', ')}` : '  the same';
}

export function compareMarkdown(c: Comparison): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const out = [`# Comparing ${esc(c.left.trace.title)}`, '', `- **left**: ${esc(c.left.label)}`, `- **right**: ${esc(c.right.label)}`, ''];
  const d = c.divergence;
  out.push(d ? `**First divergence: ${d.at}.** Regions that differ: ${d.regions.join(', ') || 'none'}; fired only on the left: ${d.onlyLeft.map((f) => `\`${f.rule}\``).join(', ') || 'none'}; only on the right: ${d.onlyRight.map((f) => `\`${f.rule}\``).join(', ') || 'none'}.` : '**The two runs agree on every date.**', '');
  out.push('| date | left | right |', '|---|---|---|');
  for (const row of c.rows) {
    const mark = JSON.stringify(row.left) !== JSON.stringify(row.right) ? ' **≠**' : '';
    out.push(`| ${row.at}${mark} | ${esc(guarantee(row.left))} | ${esc(guarantee(row.right))} |`);
  }
  out.push('', '| final | left | right |', '|---|---|---|');
  for (const key of ['guarantee', 'ceasefire', 'sanctions', 'russiaBenefits'] as const) out.push(`| ${key} | ${c.left.trace.final[key]} | ${c.right.trace.final[key]} |`);
  out.push(`| breaches | ${c.left.trace.final.breaches.length} | ${c.right.trace.final.breaches.length} |`, '');
  return out.join('\n');
}

export function* matrixLines(m: Matrix): Generator<string> {
  yield* wrap(`${m.title} (${m.scenario}${m.plan ? `, plan ${m.plan}` : ''})`, 80, '  ');
  yield* wrap(`${m.runs} combinations of ${m.varied.join(', ')}`, 80, '  ');
  yield m.dependsOn.length ? `The outcome depends on: ${m.dependsOn.join(', ')}` : 'The outcome is the same under every reading.';
  yield '';
  const width = Math.max(...m.outcomes.map((o) => o.outcome.length));
  for (const o of m.outcomes) yield* wrap(`${o.outcome.padEnd(width)}  ${String(o.count).padStart(4)} of ${m.runs}  when ${o.when}`, 80, ' '.repeat(width + 14), '');
}

export function matrixMarkdown(m: Matrix): string {
  const out = [`# ${m.title}`, '', `${m.runs} combinations of ${m.varied.map((n) => `\`${n}\``).join(', ')}${m.plan ? ` (plan ${m.plan})` : ''}. The outcome depends on: ${m.dependsOn.map((n) => `\`${n}\``).join(', ') || 'nothing: it is the same under every reading'}.`, '', '| final guarantee | runs | when |', '|---|---|---|'];
  for (const o of m.outcomes) out.push(`| ${o.outcome} | ${o.count} | ${o.when.replace(/\|/g, '\\|')} |`);
  return `${out.join('\n')}\n`;
}

export function* sweepLines(s: Sweep): Generator<string> {
  yield* wrap(`${s.scenario}: the outcome as ${s.parameter} varies`, 80, "  ");
  yield '';
  yield `${s.parameter.padStart(Math.max(12, s.parameter.length))}  final guarantee (breaches)`;
  for (const p of s.points) yield `${String(p.value).padStart(Math.max(12, s.parameter.length))}  ${p.outcome} (${p.breaches})`;
  yield '';
  if (s.flips.length === 0) yield 'The outcome does not flip over this range.';
  for (const f of s.flips) yield* wrap(`flips between ${f.from} and ${f.to}: ${f.before} → ${f.after}`, 80, '    ');
}

export function sweepMarkdown(s: Sweep): string {
  const out = [`# ${s.scenario}: the outcome as \`${s.parameter}\` varies`, '', `| ${s.parameter} | final guarantee | breaches |`, '|---:|---|---:|'];
  for (const p of s.points) out.push(`| ${p.value} | ${p.outcome} | ${p.breaches} |`);
  out.push('', s.flips.length ? s.flips.map((f) => `- flips between ${f.from} and ${f.to}: ${f.before} → ${f.after}`).join('\n') : 'The outcome does not flip over this range.');
  return `${out.join('\n')}\n`;
}
