// Building DOM nodes from data: text is always set as text, never parsed as markup.
import { guaranteeText, PATH_COLOURS, STATUS_COLOURS, type Status } from '../../src/plan/vocabulary.js';

type Attrs = Record<string, string | number | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** The path colours of the vocabulary as CSS variables (--path-visited, …), set through the CSSOM as the tints are. */
export function setPathColours(root: HTMLElement): void {
  for (const [name, colour] of Object.entries(PATH_COLOURS))
    root.style.setProperty(`--path-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, colour);
}

/** The guarantee's status as a badge tinted with its colour; set through the CSSOM, which the CSP allows. */
export function guaranteeBadge(status: Pick<Status, 'guarantee' | 'guaranteePhase'>): HTMLSpanElement {
  const badge = h('span', { class: 'badge', 'data-value': status.guarantee }, guaranteeText(status));
  badge.style.backgroundColor = STATUS_COLOURS[status.guarantee].tint;
  return badge;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page lacks #${id}`);
  return el as T;
}

/**
 * Lines from casus's text reporters (unwrapped) as paragraphs, indented
 * as the terminal indents them, blank lines starting a new block.
 */
export function textBlocks(lines: Iterable<string>): HTMLElement {
  const root = h('div', { class: 'words' });
  let block: HTMLElement | null = null;
  for (const line of lines) {
    if (line.trim() === '') {
      block = null;
      continue;
    }
    if (!block) root.append((block = h('div', { class: 'block' })));
    const indent = Math.min(3, Math.floor((line.length - line.trimStart().length) / 2));
    block.append(h('p', { class: `indent-${indent}` }, line.trim()));
  }
  return root;
}

export function debounce(ms: number, fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}
