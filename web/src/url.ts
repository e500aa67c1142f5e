// The page's settings in the URL's hash, so a link reproduces what the class
// saw: scenario (by name, or its text compressed), readings, step, large type.
import { MAX_SCENARIO_BYTES, tooLargeMessage } from '../../src/files/sizes.js';

export type ScenarioRef = { kind: 'bundled'; name: string } | { kind: 'text'; file: string; text: string };

export interface PageState {
  scenario: ScenarioRef;
  plan: string;
  /** interpretation and parameter overrides of the first reading (as --set) */
  set: Record<string, string>;
  /** the second reading's overrides, or null when the compare view is closed */
  compare: Record<string, string> | null;
  /** 0: before the first event; k: after step k - 1 */
  step: number;
  large: boolean;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** Scenario text → deflate-raw → base64url. */
export async function packText(text: string): Promise<string> {
  return toBase64Url(await through(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

/** A link's text holds at most what the CLI reads from a file: inflating stops there (a 389 kB link made 300 MB). */
class TooLarge extends Error {}

export async function unpackText(packed: string, limit = MAX_SCENARIO_BYTES): Promise<string> {
  const reader = new Blob([fromBase64Url(packed) as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    size += r.value.length;
    if (size > limit) {
      await reader.cancel();
      throw new TooLarge(`${tooLargeMessage(size).replace(/ \(\d+ bytes\);/, ' or more;')} from a link`);
    }
    parts.push(r.value);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(await new Blob(parts as BlobPart[]).arrayBuffer());
}

const prefixed = (params: URLSearchParams, prefix: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (k.startsWith(prefix) && k.length > prefix.length) out[k.slice(prefix.length)] = v;
  return out;
};

export async function encodeState(state: PageState): Promise<string> {
  const params = new URLSearchParams();
  if (state.scenario.kind === 'bundled') params.set('scenario', state.scenario.name);
  else {
    params.set('file', state.scenario.file);
    params.set('yaml', await packText(state.scenario.text));
  }
  params.set('plan', state.plan);
  for (const [k, v] of Object.entries(state.set)) params.set(`a.${k}`, v);
  if (state.compare) {
    params.set('compare', '1');
    for (const [k, v] of Object.entries(state.compare)) params.set(`b.${k}`, v);
  }
  if (state.step > 0) params.set('step', String(state.step));
  if (state.large) params.set('large', '1');
  return `#${params.toString()}`;
}

/** What a hash says; fields it does not carry are left out. A broken packed text is reported, not thrown. */
export async function decodeState(hash: string): Promise<{ state: Partial<PageState>; problem?: string }> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: Partial<PageState> = {};
  let problem: string | undefined;
  const name = params.get('scenario');
  const packed = params.get('yaml');
  if (packed !== null) {
    try {
      state.scenario = { kind: 'text', file: params.get('file') ?? 'scenario.yaml', text: await unpackText(packed) };
    } catch (error) {
      problem =
        error instanceof TooLarge
          ? `${error.message}; showing another one`
          : 'the scenario in this link is damaged (it may have been cut short); showing another one';
    }
  } else if (name !== null) state.scenario = { kind: 'bundled', name };
  const plan = params.get('plan');
  if (plan !== null) state.plan = plan;
  if ([...params.keys()].some((k) => k.startsWith('a.'))) state.set = prefixed(params, 'a.');
  if (params.get('compare') === '1') state.compare = prefixed(params, 'b.');
  const step = Number(params.get('step'));
  if (Number.isSafeInteger(step) && step >= 0) state.step = step;
  if (params.has('large')) state.large = params.get('large') === '1';
  return problem ? { state, problem } : { state };
}
