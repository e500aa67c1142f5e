// casus new FILE: a complete, quiet scenario to start from; never overwrites a file.
import { writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { InputError, usageIssue } from '../../issues/issue.js';
import { Kebab } from '../../scenario/schema.js';
import { scenarioTemplate } from '../../scenario/template.js';
import type { Command } from '../options.js';

export const newCommand: Command = {
  name: 'new',
  summary: 'write a complete, quiet scenario to start from',
  formats: ['yaml'],
  shared: [],
  options: {
    title: {
      type: 'string',
      usage: '--title TEXT',
      help: "the scenario's title (default: one made from the file name)",
    },
  },
  help: `Usage: casus new FILE.yaml [--title TEXT]

Writes a complete, valid scenario: all five parties sign, both sides withdraw, Ukraine
holds its election within 100 days of the fifth signature and the US is compensated.
It runs with no breach; every line says what it does. Its id (scenario:) is the file's
name. Edit it, then casus run FILE.yaml. Never overwrites a file.

Example:
  casus new my-timeline.yaml --title "What if Russia attacks in 2029?"`,
  async run(args, io) {
    const [file, ...extra] = args.positionals;
    if (!file || extra.length)
      throw new InputError([usageIssue('casus new takes exactly one file name', 'casus new my-timeline.yaml')]);
    if (!['.yaml', '.yml'].includes(extname(file).toLowerCase()))
      throw new InputError([
        usageIssue(
          `casus new ${file}: the file name must end in .yaml`,
          `casus new ${basename(file, extname(file)) || 'my-timeline'}.yaml`,
        ),
      ]);
    const id = basename(file, extname(file));
    if (!Kebab.safeParse(id).success)
      throw new InputError([
        usageIssue(
          `casus new ${file}: "${id}" is not a kebab-case name, and the file's name is the scenario's id`,
          `e.g. casus new ${
            id
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '-')
              .replace(/^-|-$/g, '') || 'my-timeline'
          }.yaml`,
        ),
      ]);
    const title =
      (args.values.title as string | undefined) ?? `${id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())}`;
    try {
      writeFileSync(file, scenarioTemplate(id, title), { flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST')
        throw new InputError([
          usageIssue(
            `casus new ${file}: the file exists; refusing to overwrite it`,
            'choose another name, or delete the file first',
          ),
        ]);
      throw new InputError([
        usageIssue(
          `casus new ${file}: could not write it (${code ?? (error as Error).message})`,
          'check that the directory exists and is writable',
        ),
      ]);
    }
    io.stderr(`casus: wrote ${file}; casus run ${file} runs it\n`);
    return 0;
  },
};
