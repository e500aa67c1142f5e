// casus run FILE: the timeline of one scenario, as text, JSON, Markdown or HTML.
import { extname } from 'node:path';
import { InputError, usageIssue } from '../../issues/issue.js';
import { streamTraceJson } from '../../render/json.js';
import { streamText } from '../../render/text.js';
import { runScenario, streamScenario } from '../../run/runner.js';
import { loadScenario } from '../../scenario/load.js';
import { openFacts } from '../../run/openFacts.js';
import { JudgementNeeded } from '../../run/stepper.js';
import { assume, runBranches } from '../../whatif/branches.js';
import { sensitivityOf } from '../../whatif/sensitivity.js';
import { useColour } from '../io.js';
import type { Command } from '../options.js';
import { emit, emitStream } from '../output.js';

/** Above this many events the sensitivity is left to casus matrix: it runs the scenario once per class of readings. */
const SENSITIVITY_MAX_EVENTS = 20_000;

/** The format --out's extension implies when --format is not given. */
const BY_EXTENSION: Record<string, string> = {
  '.json': 'json',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
};

export const runCommand: Command = {
  name: 'run',
  summary: 'the timeline of a scenario: each step, what changed, the clause',
  formats: ['text', 'json', 'md', 'html'],
  shared: ['rules', 'plan', 'set', 'assume', 'format', 'out', 'engine'],
  options: {
    'no-sensitivity': {
      type: 'boolean',
      usage: '--no-sensitivity',
      help:
        'skip the line after the final status that says which readings change the outcome ' +
        '(and the JSON sensitivity)',
    },
  },
  help: `Usage: casus run FILE [--format text|json|md|html] [--out FILE] [--set NAME=VALUE]... [--rules DIR]

Runs a scenario (YAML or JSON) and prints its timeline: for every event and deadline,
what changed and the clause it comes from. --format json prints the full trace;
md a Markdown report (summary, timeline table, step by step, the statechart in Mermaid,
the clauses cited); html one self-contained page (no network) with a swimlane chart of
every status over time, the statechart with the path taken, and the scenario under
every version of the plan as a timeline.
A scenario that leaves facts unknown (justified: unknown, or no justified under
strike-cause=unknown) runs every branch and shows each distinct outcome with what it
assumes; --assume KEY=true|false picks one. After the final status, one line says whether
the outcome holds under every reading or which readings change it, and to what. Without
--format, --out's extension picks it (.md, .html, .json). Exits 1 if the scenario's
expect blocks do not hold.

Examples:
  casus run scenarios/renewed-offensive-invokes-the-guarantee.yaml --set attack-test=large-scale
  casus run scenarios/renewed-offensive-invokes-the-guarantee.yaml --out report.html`,
  async run(args, io) {
    const { file, out } = args.oneFile(
      'scenario file',
      'casus run scenarios/renewed-offensive-invokes-the-guarantee.yaml',
    );
    const format =
      args.values.format === undefined && out !== undefined
        ? (BY_EXTENSION[extname(out).toLowerCase()] ?? args.format)
        : args.format;
    const ruleSet = args.ruleSet();
    const overrides = args.overrides();
    const engine = args.engine();
    const loaded = assume(loadScenario(file, ruleSet), args.assumptions());
    const colour = out === undefined && useColour(io);

    const branched = async (): Promise<number> => {
      if (format === 'html')
        throw new InputError([
          usageIssue(
            `${file} branches on facts it leaves open, and an HTML report shows one timeline`,
            'use --format md or text to see every branch, or choose one with --assume KEY=true|false',
          ),
        ]);
      const run = await runBranches(loaded, ruleSet, { set: overrides, engine });
      // the reports a plain run does not need are loaded only when asked for
      const { branchedLines, branchedMarkdown } = await import('../../render/branches.js');
      const text =
        format === 'json'
          ? `${JSON.stringify({ branched: true, ...run }, null, 2)}\n`
          : format === 'md'
            ? branchedMarkdown(run)
            : `${[...branchedLines(run, { colour })].join('\n')}\n`;
      emit(io, text, out, [file]);
      return run.expectations.every((x) => x.ok) ? 0 : 1;
    };

    const single = async (): Promise<number> => {
      // the fast path first: whether the outcome is the plan's or a reading's, carried after the final status
      const long = loaded.scenario.events.length > SENSITIVITY_MAX_EVENTS;
      if (long && !args.values['no-sensitivity'])
        io.stderr(
          `casus: sensitivity skipped for ${loaded.scenario.events.length} events ` +
            `(it runs the scenario once per class of readings); ` +
            `casus matrix ${file} computes it\n`,
        );
      const sensitivity = args.values['no-sensitivity'] || long ? undefined : sensitivityOf(loaded, ruleSet, overrides);
      if (format === 'md' || format === 'html') {
        const [{ htmlReport }, { markdownReport }, { runVersions }] = await Promise.all([
          import('../../render/html.js'),
          import('../../render/markdown.js'),
          import('../../whatif/versions.js'),
        ]);
        const trace = await runScenario(loaded, ruleSet, { set: overrides, engine, sensitivity });
        const versions =
          format === 'html' && args.allPlans().length
            ? await runVersions(loaded, args.allPlans(), { set: overrides, engine })
            : undefined;
        emit(io, format === 'md' ? markdownReport(trace) : htmlReport(trace, versions), out, [file]);
        return trace.expectations.every((x) => x.ok) ? 0 : 1;
      }
      // text and JSON stream: a long scenario's steps are written as they come, never held
      const run = streamScenario(loaded, ruleSet, { set: overrides, engine, sensitivity });
      const chunks = format === 'json' ? streamTraceJson(run) : streamText(run, ruleSet.clauses.clauses, { colour });
      await emitStream(io, chunks, out, [file]);
      return run.end().expectations.every((x) => x.ok) ? 0 : 1;
    };

    if (openFacts(loaded).length > 0) return branched();
    try {
      return await single();
    } catch (error) {
      if (error instanceof JudgementNeeded) return branched();
      throw error;
    }
  },
};
