/**
 * Splits text into pieces of at most `max` UTF-16 units (how Telegram counts), preferring to
 * break after a newline, then after a space, in the second half of a piece; never inside a
 * surrogate pair.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const newline = rest.lastIndexOf('\n', max - 1);
    const space = rest.lastIndexOf(' ', max - 1);
    let cut = newline >= max / 2 ? newline + 1 : space >= max / 2 ? space + 1 : max;
    // Do not split a surrogate pair (an emoji, for instance).
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
