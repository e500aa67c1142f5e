// Sizes of input shared by the CLI and the page (pure: no file system), so both turn away the same texts.

/**
 * The largest scenario read: twice the longest timeline casus is measured on (100,000 events, about 8 MB), so a long
 * but real timeline fits, and a file that is no scenario (a 50 MB log, a disk image) is turned away at once instead
 * of after minutes and gigabytes.
 */
export const MAX_SCENARIO_BYTES = 16 * 1024 * 1024;

/** The size of a text in UTF-8 bytes, counted without encoding it. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

export const tooLargeMessage = (bytes: number) =>
  `the scenario is ${(bytes / 1048576).toFixed(1)} MB (${bytes} bytes); ` +
  `at most ${MAX_SCENARIO_BYTES / 1048576} MB (${MAX_SCENARIO_BYTES} bytes) is read`;
