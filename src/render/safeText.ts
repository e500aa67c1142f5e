// Text from an input made safe for a terminal: control characters, escape sequences and bidirectional overrides
// become visible escapes (\u001b, \u202e), so a title or an id can neither move the cursor, retitle the window nor
// reorder what is printed after it. Pure: used by every report, every error and the CLI's output.

/** C0 and C1 controls, DEL, direction marks, overrides and isolates, and the Unicode line and paragraph separators. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same without line feed and tab, for a whole report (a match per line would cost seconds on a large trace). */
const UNSAFE_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escaped = (ch: string) =>
  ch === '\n'
    ? '\\n'
    : ch === '\t'
      ? '\\t'
      : ch === '\r'
        ? '\\r'
        : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every unsafe character escaped; with `lines`, line breaks and tabs are kept (a whole report). */
export function safeText(text: string, lines = false): string {
  const unsafe = lines ? UNSAFE_IN_LINES : UNSAFE;
  // a scan that finds nothing costs half a replace that finds nothing, and nearly every text is clean
  unsafe.lastIndex = 0;
  return unsafe.test(text) ? text.replace(unsafe, escaped) : text;
}

/** The colour codes casus itself writes (bold, dim, red, green, yellow, cyan, reset), kept when colour is on. */
const OWN_COLOURS = /(\u001b\[(?:0|1|2|22|3[0-7]|39)m)/;

/** A whole output made safe for a terminal; with `colour`, casus's own colour codes pass through. */
export function terminalText(text: string, colour: boolean): string {
  if (!colour) return safeText(text, true);
  return text
    .split(OWN_COLOURS)
    .map((part, i) => (i % 2 === 1 ? part : safeText(part, true)))
    .join('');
}
