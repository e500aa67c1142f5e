// Text → value with positions, JSON or YAML, without ever throwing: every problem comes back as an issue.
import { parseJson, repeatedKeys } from './json.js';
import { LARGE_YAML_BYTES, parseLargeYaml } from './largeYaml.js';
import { MAX_YAML_SEPARATORS, separatorsOver, shapeOf, tooDeep } from './limits.js';
import { Source, type Parsed } from './source.js';
import { parseYaml } from './yaml.js';

export type { ParsedText } from './source.js';

function readYaml(source: Source): Parsed {
  const large = source.text.length > LARGE_YAML_BYTES ? parseLargeYaml(source) : undefined;
  const over = large ? undefined : separatorsOver(source.text);
  if (over === undefined) return large ?? parseYaml(source);
  const message =
    'too much to read in one piece: ' +
    `more than ${MAX_YAML_SEPARATORS.toLocaleString('en-US')} lines, commas and colons`;
  const hint =
    'write events: as a block list (one "- " item per line), which is read one event at a time, or split the file';
  return source.fail('too-large', message, hint, over);
}

/** Parses YAML (or JSON, when `json` is set); hostile text is turned away before any tree is built. */
export function parseText(file: string, raw: string, json: boolean): Parsed {
  const source = new Source(file, raw);
  const { text } = source;
  const example = 'start from a bundled example in scenarios/';
  if (text.includes('\u0000'))
    return source.fail(
      'binary',
      'this is not a text file (it contains NUL bytes)',
      'scenario files are YAML or JSON text',
    );
  if (text.trim() === '') return source.fail('empty', 'the file is empty', example);
  if (!json && !text.includes('\n') && text.includes('\r'))
    return source.fail(
      'line-endings',
      'the lines of this file end in a carriage return alone (old Mac OS style); ' +
        'casus reads YAML with LF or CRLF line endings',
      "save it with LF line endings (most editors offer this; or tr '\\r' '\\n' < old.yaml > new.yaml)",
    );
  // the yaml package recurses, so YAML is scanned first; JSON.parse does not (json.ts scans only when it fails)
  const deep = json ? undefined : tooDeep(source);
  if (deep) return deep;
  const result = json ? parseJson(source) : readYaml(source);
  if (!result.ok) return result;
  if (result.parsed.value === null || result.parsed.value === undefined)
    return source.fail('empty', 'the file holds no data (only comments or null)', example);
  const shape = shapeOf(source, result.parsed.value);
  if (shape.problem) return shape.problem;
  // jsonc-parser recurses too: it reads only a text now known to be shallow
  const repeated = json ? repeatedKeys(source, shape.keys) : [];
  return repeated.length > 0 ? { ok: false, issues: repeated } : result;
}
