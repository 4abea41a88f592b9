// Text from a file (a DMS export's guest name, a bulletin's title) printed in a terminal: a control
// character would be obeyed, not shown (ESC [2J clears the screen, ESC ] 0; retitles the window, a lone
// CR overwrites the line). Each one is shown as U+FFFD instead. Tabs, line feeds and the CR of a CR LF
// line end (the CSV outputs' rows) stay.

/** C0 controls but tab and line feed, a CR not ending a line, DEL, and the C1 controls (some terminals obey them as ESC sequences). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this expression's purpose.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n|$)/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** `s` as a terminal may print it: unchanged when it holds no control character (one scan, no copy). */
export function terminalText(s: string): string {
  return CONTROL.test(s) ? s.replace(CONTROLS, '\uFFFD') : s;
}
