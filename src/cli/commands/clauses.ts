// casus clauses: the clause catalogue, the rules that encode each clause, and what is deliberately not encoded.
import { wrap } from '../../report/text.js';
import { COMMON_HELP, type Command } from '../options.js';

export const clausesCommand: Command = {
  name: 'clauses',
  summary: 'the clause catalogue and the rules that encode each clause',
  formats: ['text', 'json'],
  help: `Usage: casus clauses [--format text|json] [--rules DIR]

Lists every clause casus encodes (id, plan points, kind, a paraphrase, the consequence),
the rules that encode it, and the points deliberately not encoded, with the reason.

${COMMON_HELP}`,
  async run(args, io) {
    const ruleSet = args.ruleSet();
    const rulesOf = (id: string) => ruleSet.rules.filter((r) => r.event.params.clause === id).map((r) => r.name);
    if (args.format === 'json') {
      const clauses = ruleSet.clauses.clauses.map((c) => ({ ...c, rules: rulesOf(c.id) }));
      io.stdout(`${JSON.stringify({ clauses, notEncoded: ruleSet.clauses.notEncoded }, null, 2)}\n`);
      return 0;
    }
    const out: string[] = [];
    for (const c of ruleSet.clauses.clauses) {
      out.push(`${c.id}  (point${c.points.length > 1 ? 's' : ''} ${c.points.join(', ')}; ${c.kind})`);
      out.push(...wrap(c.paraphrase, 80, '    ', '    '));
      out.push(...wrap(`${c.planNamesConsequence ? 'Then' : 'Then (the plan names no consequence)'}: ${c.consequence}`, 80, '    ', '    '));
      const rules = rulesOf(c.id);
      out.push(...wrap(`rules: ${rules.length ? rules.join(', ') : 'none'}`, 80, '      ', '    '));
      out.push('');
    }
    out.push('Not encoded, on purpose:');
    for (const n of ruleSet.clauses.notEncoded) out.push(...wrap(`${n.points.join(', ')} ${n.topic}: ${n.why}`, 80, '      ', '  - '));
    io.stdout(`${out.join('\n')}\n`);
    return 0;
  },
};
