/** A cell that reads like an internal code (kebab-case or snake_case), not a word a person reads on screen. */
export const CODE_LIKE = /^[a-z]+(?:[-_][a-z]+)+$/;
