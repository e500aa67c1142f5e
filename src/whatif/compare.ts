// Two runs side by side: the first date where they part, the rules that fired differently there, both final statuses.
import type { Region, Status } from '../plan/vocabulary.js';
import type { Step, Trace } from '../run/trace.js';
import { differingRegions } from './outcome.js';

export interface Side {
  label: string;
  trace: Trace;
}

interface DateRow {
  at: string;
  left: Status;
  right: Status;
  leftSteps: Step[];
  rightSteps: Step[];
}

export interface Comparison {
  left: Side;
  right: Side;
  /** one row per date on which either run has a step, with the status at the end of that date */
  rows: DateRow[];
  /** the first date where the statuses or the fired rules differ */
  divergence: null | {
    at: string;
    regions: Region[];
    onlyLeft: Array<{ rule: string; clause: string; points: string[] }>;
    onlyRight: Array<{ rule: string; clause: string; points: string[] }>;
  };
  finalDiffers: Region[];
}

export function compareTraces(left: Side, right: Side): Comparison {
  const dates = [...new Set([...left.trace.steps, ...right.trace.steps].map((s) => s.at))].sort();
  let l = left.trace.initial;
  let r = right.trace.initial;
  const rows: DateRow[] = dates.map((at) => {
    const leftSteps = left.trace.steps.filter((s) => s.at === at);
    const rightSteps = right.trace.steps.filter((s) => s.at === at);
    l = leftSteps[leftSteps.length - 1]?.status ?? l;
    r = rightSteps[rightSteps.length - 1]?.status ?? r;
    return { at, left: l, right: r, leftSteps, rightSteps };
  });
  const fired = (steps: Step[]) =>
    steps.flatMap((s) => s.fired.map((f) => ({ rule: f.rule, clause: f.clause, points: f.points })));
  let divergence: Comparison['divergence'] = null;
  for (const row of rows) {
    const [fl, fr] = [fired(row.leftSteps), fired(row.rightSteps)];
    const onlyLeft = fl.filter((f) => !fr.some((g) => g.rule === f.rule));
    const onlyRight = fr.filter((f) => !fl.some((g) => g.rule === f.rule));
    const regions = differingRegions(row.left, row.right);
    if (regions.length || onlyLeft.length || onlyRight.length) {
      divergence = { at: row.at, regions, onlyLeft, onlyRight };
      break;
    }
  }
  return { left, right, rows, divergence, finalDiffers: differingRegions(left.trace.final, right.trace.final) };
}
