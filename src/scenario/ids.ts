// Event ids name open facts ("strike.justified"): each must name one event, explicit or automatic (line-N).
import type { ParsedText } from '../input/document.js';
import type { InputIssue } from '../issues/issue.js';
import type { Scenario } from './schema.js';

/** A duplicate id, or an explicit id equal to another event's automatic name line-N, at its line. */
export function eventIdIssues(
  file: string,
  scenario: Scenario,
  eventLines: readonly number[],
  parsed: ParsedText,
): InputIssue[] {
  const issues: InputIssue[] = [];
  const first = new Map<string, number>();
  const automatic = new Map<string, number>();
  scenario.events.forEach((e, j) => {
    if (e.id === undefined && eventLines[j]! > 0) automatic.set(`line-${eventLines[j]}`, j);
  });
  scenario.events.forEach((e, i) => {
    if (e.id === undefined) return;
    const at = (): { line: number; column: number } => parsed.locate(['events', i, 'id']);
    const earlier = first.get(e.id);
    if (earlier !== undefined) {
      issues.push({
        code: 'duplicate-id',
        file,
        ...at(),
        path: `events[${i}].id`,
        message: `the id "${e.id}" is already the id of the event at line ${eventLines[earlier]}`,
        hint: 'each event id names one event; rename one of them',
      });
      return;
    }
    first.set(e.id, i);
    const named = automatic.get(e.id);
    if (named !== undefined)
      issues.push({
        code: 'duplicate-id',
        file,
        ...at(),
        path: `events[${i}].id`,
        message: `the id "${e.id}" is the automatic name of the event at line ${eventLines[named]}`,
        hint: 'choose an id that is not line-N, or give that event an id of its own',
      });
  });
  return issues;
}
