// Writes docs/reference.md from the code (npm run docs:reference).
import { writeFileSync } from 'node:fs';
import { referenceMarkdown } from './reference.js';

writeFileSync(new URL('../../docs/reference.md', import.meta.url), await referenceMarkdown());
