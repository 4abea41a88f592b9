// A cell or a line of an imported file as a message or a preview shows it: never a whole huge text.

/** Characters of a line's text shown. */
export const TEXT_SHOWN = 60;

export const shortText = (s: string, max = TEXT_SHOWN): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
