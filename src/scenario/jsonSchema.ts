// The JSON Schema of scenario files, generated from the zod schema (for editors).
import { z } from 'zod';
import { scenarioSchema, type SettingsVocabulary } from './schema.js';

export function scenarioJsonSchema(vocabulary: SettingsVocabulary): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema(vocabulary), { io: 'output', unrepresentable: 'any' });
  return { ...schema, $id: 'https://casus.invalid/scenario.schema.json', title: 'casus scenario' };
}
