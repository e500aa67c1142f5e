// casus schema: the JSON Schema of scenario files, from the same zod schema the loader uses.
import { scenarioJsonSchema } from '../../scenario/jsonSchema.js';
import { settingsVocabulary } from '../../scenario/load.js';
import type { Command } from '../options.js';

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'the JSON Schema of scenario files, for editors',
  formats: ['json'],
  shared: ['rules', 'plan'],
  help: `Usage: casus schema [--rules DIR] > scenario.schema.json

Prints the JSON Schema (draft 2020-12) of scenario files, with the interpretations and
parameters of the rule set. Point your editor's YAML or JSON support at it.`,
  async run(args, io) {
    io.stdout(`${JSON.stringify(scenarioJsonSchema(settingsVocabulary(args.ruleSet())), null, 2)}\n`);
    return 0;
  },
};
