// Validates the bundled rules once at build time and writes the result where the CLI finds it at start-up.
import { writeFileSync } from 'node:fs';
import { DEFAULT_RULES_DIR, parseRuleSet, readRuleFiles } from '../dist/rules/load.js';
import { VALIDATED_FILE, validatedText } from '../dist/rules/validated.js';

const files = readRuleFiles(DEFAULT_RULES_DIR);
writeFileSync(VALIDATED_FILE, validatedText(files, parseRuleSet(DEFAULT_RULES_DIR, files)));
