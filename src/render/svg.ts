// Inline SVG for the HTML report: the swimlane of every region's
// status over time, and the statechart laid out in columns.
import { addDays, daysBetween } from '../plan/dates.js';
import {
  PATH_COLOURS,
  REGION_LABELS,
  STATUS_COLOURS,
  VALUE_REGIONS,
  valueText,
  type Status,
} from '../plan/vocabulary.js';
import type { Trace } from '../run/trace.js';
import { allNodes, chart, runPath, type ChartNode } from './diagram.js';
import { stepWords } from '../explain/words.js';

/** Text for HTML and SVG: every character that could open markup or an attribute is escaped. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A status value's colour (STATUS_COLOURS), grey for anything else (a card without a value). */
export const fillOf = (value: string): string =>
  (STATUS_COLOURS as Record<string, { fill: string } | undefined>)[value]?.fill ?? '#e5e7eb';

/** One lane per region with one value, in the vocabulary's order and words. */
const LANES = VALUE_REGIONS.map((region) => ({
  region,
  label: REGION_LABELS[region].title,
  value: (s: Status) => valueText(s, region),
}));

interface Segment {
  from: string;
  to: string;
  value: string;
  colour: string;
}

function segments(trace: Trace, lane: (typeof LANES)[number], start: string, end: string): Segment[] {
  const out: Segment[] = [];
  let current: Segment = {
    from: start,
    to: end,
    value: lane.value(trace.initial),
    colour: fillOf(trace.initial[lane.region]),
  };
  for (const step of trace.steps) {
    const value = lane.value(step.status);
    if (value === current.value) continue;
    if (step.at > current.from) out.push({ ...current, to: step.at });
    current = { from: step.at, to: end, value, colour: fillOf(step.status[lane.region]) };
  }
  out.push(current);
  return out;
}

function ticks(start: string, end: string): string[] {
  const years = Number(end.slice(0, 4)) - Number(start.slice(0, 4));
  const out: string[] = [];
  if (years >= 2) {
    const every = Math.max(1, Math.ceil(years / 12));
    for (let y = Number(start.slice(0, 4)) + 1; y <= Number(end.slice(0, 4)); y += every)
      out.push(`${String(y).padStart(4, '0')}-01-01`);
  } else {
    let [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
    const months = years * 12 + Number(end.slice(5, 7)) - m;
    const every = Math.max(1, Math.ceil(months / 12));
    for (;;) {
      m += every;
      while (m > 12) (m -= 12), (y += 1);
      const d = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
      if (d > end) break;
      out.push(d);
    }
  }
  return out;
}

/** Every region's status over time, one lane each, dates on the axis; breaches and steps as marks. */
export function swimlaneSvg(trace: Trace): string {
  const start = trace.steps[0]?.at ?? trace.horizon;
  const end = trace.horizon > start ? trace.horizon : addDays(start, 1);
  const span = daysBetween(start, end);
  const [left, right, top, laneH, gap] = [140, 24, 34, 30, 8];
  const width = 980;
  // a column after the last date where every lane shows its final status, however late the last change came
  const finalW = 150;
  const plot = width - left - right - finalW;
  const x = (d: string) => left + (Math.min(span, Math.max(0, daysBetween(start, d))) / span) * plot;
  const lanesBottom = top + LANES.length * (laneH + gap);
  const height = lanesBottom + laneH + 30;
  const out: string[] = [
    `<svg id="swimlane-chart" class="swimlane" role="img" aria-labelledby="swimlane-title" ` +
      `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<title id="swimlane-title">${esc(`Status of each region from ${start} to ${end}`)}</title>`,
  ];
  for (const t of ticks(start, end)) {
    const tx = x(t).toFixed(1);
    out.push(`<line class="tick" x1="${tx}" y1="${top - 6}" x2="${tx}" y2="${lanesBottom + laneH}"/>`);
    out.push(
      `<text class="axis" x="${tx}" y="${top - 10}" text-anchor="middle">` +
        `${esc(t.endsWith('-01-01') ? t.slice(0, 4) : t.slice(0, 7))}</text>`,
    );
  }
  out.push(
    `<text class="axis" x="${left}" y="${height - 8}">${esc(start)}</text>`,
    `<text class="axis" x="${x(end).toFixed(1)}" y="${height - 8}" text-anchor="middle">${esc(end)}</text>`,
  );
  out.push(
    `<line class="final-rule" x1="${x(end).toFixed(1)}" y1="${top - 6}" ` +
      `x2="${x(end).toFixed(1)}" y2="${lanesBottom}"/>`,
    `<text class="axis" x="${(x(end) + finalW / 2).toFixed(1)}" y="${top - 10}" text-anchor="middle">final</text>`,
  );
  LANES.forEach((lane, i) => {
    const y = top + i * (laneH + gap);
    out.push(
      `<g class="lane" data-lane="${lane.region}">`,
      `<text class="lane-label" x="${left - 10}" y="${y + laneH / 2 + 4}" text-anchor="end">${esc(lane.label)}</text>`,
    );
    const all = segments(trace, lane, start, end);
    for (const [k, s] of all.entries()) {
      const last = k === all.length - 1;
      const [x0, x1] = [x(s.from), last ? x(end) + finalW : Math.max(x(s.to), x(s.from) + 2)];
      const w = x1 - x0;
      out.push(
        `<g class="segment${last ? ' final' : ''}" data-value="${esc(s.value)}">` +
          `<title>${esc(`${lane.label}: ${s.value}, ${s.from} to ${s.to}${last ? ' (final)' : ''}`)}</title>`,
      );
      out.push(
        `<rect x="${x0.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${laneH}" rx="3" fill="${s.colour}"/>`,
      );
      const fits = (n: number) => n > s.value.length * 6.6 + 8;
      // the final status is labelled in the final column when its segment is too short to hold it from its start
      if (fits(w))
        out.push(`<text class="seg-label" x="${(x0 + 6).toFixed(1)}" y="${y + laneH / 2 + 4}">${esc(s.value)}</text>`);
      else if (last)
        out.push(
          `<text class="seg-label" x="${(x(end) + 6).toFixed(1)}" y="${y + laneH / 2 + 4}" ` +
            `textLength="${finalW - 12}" lengthAdjust="spacingAndGlyphs">${esc(s.value)}</text>`,
        );
      out.push('</g>');
    }
    out.push('</g>');
  });
  const y = lanesBottom;
  out.push(
    `<g class="lane" data-lane="steps">` +
      `<text class="lane-label" x="${left - 10}" y="${y + laneH / 2 + 4}" text-anchor="end">events, breaches</text>`,
  );
  for (const step of trace.steps) {
    const sx = x(step.at).toFixed(1);
    out.push(
      `<line class="${step.kind === 'deadline' ? 'step-mark deadline' : 'step-mark'}" data-step="${step.index}" ` +
        `x1="${sx}" y1="${y + 4}" x2="${sx}" y2="${y + laneH - 4}">` +
        `<title>${esc(`${step.at}: ${stepWords(step)}`)}</title></line>`,
    );
  }
  for (const b of trace.final.breaches) {
    const bx = x(b.at);
    const cy = y + laneH / 2;
    out.push(
      `<path class="breach-mark" d="M${bx.toFixed(1)} ${cy - 7} l7 7 l-7 7 l-7 -7 z">` +
        `<title>${esc(`${b.at}: breach ${b.kind} by ${b.party} (${b.clause})`)}</title></path>`,
    );
  }
  out.push('</g>', '</svg>');
  return out.join('\n');
}

interface Box {
  node: ChartNode;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The statechart, one column per region and a box per state; the
 * states of this run shaded, its moves drawn, its end marked.
 */
export function statechartSvg(trace: Trace): string {
  const root = chart();
  const path = runPath(trace);
  const [colW, gap, boxH, pad, top] = [240, 20, 28, 10, 40];
  const boxes = new Map<string, Box>();
  let height = 0;
  root.children.forEach((region, i) => {
    const x0 = 16 + i * (colW + gap);
    let y = top;
    const place = (n: ChartNode, x: number, w: number) => {
      if (n.children.length === 0) {
        boxes.set(n.id, { node: n, x, y, w, h: boxH });
        y += boxH + pad;
        return;
      }
      const y0 = y;
      y += boxH;
      for (const c of n.children) place(c, x + 12, w - 24);
      boxes.set(n.id, { node: n, x, y: y0, w, h: y - y0 });
      y += pad;
    };
    for (const c of region.children) place(c, x0 + 14, colW - 62);
    height = Math.max(height, y + 10);
  });
  const width = 16 + root.children.length * (colW + gap);
  const out: string[] = [
    `<svg id="statechart-chart" class="statechart" role="img" aria-labelledby="statechart-title" ` +
      `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    '<title id="statechart-title">The statechart: ' +
      'states this run visited are shaded, its moves drawn, the states it ended in outlined</title>',
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" ' +
      `orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="${PATH_COLOURS.move}"/></marker></defs>`,
  ];
  root.children.forEach((region, i) => {
    const x0 = 16 + i * (colW + gap);
    out.push(
      `<g class="region" data-region="${esc(region.key)}">` +
        `<rect class="region-box" x="${x0}" y="8" width="${colW}" height="${height - 14}" rx="8"/>`,
    );
    out.push(`<text class="region-label" x="${x0 + 12}" y="28">${esc(region.key)}</text>`);
    for (const n of allNodes(region).slice(1)) {
      const b = boxes.get(n.id)!;
      const visited = path.visited.has(n.id);
      const final = path.final.has(n.id);
      const cls = [
        'state',
        visited ? 'visited' : '',
        final ? 'current' : '',
        n.type === 'final' ? 'terminal' : '',
        n.children.length ? 'compound' : '',
      ]
        .filter(Boolean)
        .join(' ');
      const title =
        `${n.key}${n.description ? `: ${n.description}` : ''}` +
        `${visited ? ' (visited on this run)' : ''}${final ? ' (where this run ended)' : ''}`;
      out.push(`<g class="${cls}" data-state="${esc(n.id)}"><title>${esc(title)}</title>`);
      out.push(`<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="6"/>`);
      if (n.type === 'final')
        out.push(`<rect class="inner" x="${b.x + 3}" y="${b.y + 3}" width="${b.w - 6}" height="${b.h - 6}" rx="4"/>`);
      out.push(`<text x="${b.x + 10}" y="${b.y + 18}">${esc(n.key)}${final ? ' ◉' : ''}</text>`);
      const parent = n.id.split('.').slice(0, -1).join('.');
      const parentNode = parent === region.id ? region : boxes.get(parent)?.node;
      if (parentNode?.initial === n.id)
        out.push(
          `<circle class="initial" cx="${b.x - 7}" cy="${b.y + 14}" r="3.5"><title>initial state</title></circle>`,
        );
      out.push('</g>');
    }
    out.push('</g>');
  });
  path.taken.forEach((m, k) => {
    const [a, b] = [boxes.get(m.from), boxes.get(m.to)];
    if (!a || !b) return;
    const right = Math.max(a.x + a.w, b.x + b.w);
    const [ya, yb] = [a.y + Math.min(a.h, boxH) / 2, b.y + Math.min(b.h, boxH) / 2];
    const bulge = right + 12 + Math.min(30, Math.abs(yb - ya) / 8);
    const title =
      `move ${k + 1}, ${m.at}: ${m.from.split('.').pop()} → ${m.to.split('.').pop()}` +
      `${m.event ? ` on ${m.event}` : ''}${m.rule ? ` (rule ${m.rule})` : ''}`;
    out.push(
      `<path class="move" data-step="${m.step}" ` +
        `d="M${a.x + a.w} ${ya} C${bulge} ${ya} ${bulge} ${yb} ${b.x + b.w + 2} ${yb}" marker-end="url(#arrow)">` +
        `<title>${esc(title)}</title></path>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}
