// A branching run in words: the open facts, then each distinct outcome with what it assumes and its timeline.
import { guaranteeText } from '../plan/vocabulary.js';
import { branchName } from '../explain/words.js';
import type { BranchedRun } from '../whatif/branches.js';
import { markdownReport, mdText } from './markdown.js';
import { expectationLines, textLines, wrap, type TextOptions } from './text.js';

function summary(run: BranchedRun): string {
  const branches = run.outcomes.reduce((n, o) => n + o.branches.length, 0);
  return (
    `This scenario leaves ${run.open.length} fact${run.open.length === 1 ? '' : 's'} open ` +
    `(${run.open.map((f) => `${f.key}, line ${f.line}`).join('; ')}): ` +
    `${branches} branches, ${run.outcomes.length} distinct outcome${run.outcomes.length === 1 ? '' : 's'}.`
  );
}

export function* branchedLines(run: BranchedRun, options: TextOptions): Generator<string> {
  yield* wrap(summary(run), 80, '  ');
  for (const [i, o] of run.outcomes.entries()) {
    yield '';
    yield* wrap(
      `Outcome ${i + 1} of ${run.outcomes.length}: the guarantee ends ${guaranteeText(o.final)}, when ${o.when}`,
      80,
      '  ',
      '═ ',
    );
    yield '';
    const trace = o.branches[0]!.trace;
    yield* textLines({ ...trace, expectations: [] }, options);
  }
  if (run.expectations.length) {
    const failed = run.expectations.filter((x) => !x.ok);
    yield '';
    yield failed.length
      ? `expectations: ${failed.length} of ${run.expectations.length} failed`
      : `expectations: all ${run.expectations.length} hold in the branches they apply to`;
    for (const x of failed) {
      yield `  in the branch ${x.branch}:`;
      const trace = run.outcomes.flatMap((o) => o.branches).find((b) => branchName(b.assumptions) === x.branch)?.trace;
      yield* trace
        ? expectationLines(x, trace)
        : [`    line ${x.line}: ${JSON.stringify(x.expected)}; ${JSON.stringify(x.actual)}`];
    }
  }
}

export function branchedMarkdown(run: BranchedRun): string {
  const parts = [`# ${mdText(run.title)}`, '', mdText(summary(run)), ''];
  for (const [i, o] of run.outcomes.entries()) {
    parts.push(
      `## Outcome ${i + 1}: the guarantee ends ${guaranteeText(o.final)}`,
      '',
      `When ${mdText(o.when)}.`,
      '',
      markdownReport(o.branches[0]!.trace).replace(/^(#+) /gm, '##$1 '),
    );
  }
  return parts.join('\n');
}
