// A header row's column names as the preview shows them: two columns of one name both stay (the
// second as "Phone (column 4)", so either can be mapped) and the preview says so.
import { count } from '../../shared/wording';
import { shortText } from './invalid';

export function uniqueColumns(names: string[]): { columns: string[]; notes: string[] } {
  const firstAt = new Map<string, number>();
  const repeats = new Map<string, number[]>();
  const columns = names.map((name, i) => {
    const key = name.toLowerCase();
    const first = firstAt.get(key);
    if (first === undefined) {
      firstAt.set(key, i);
      return name;
    }
    const at = repeats.get(key) ?? [first];
    at.push(i);
    repeats.set(key, at);
    return `${name} (column ${count(i + 1)})`;
  });
  const notes = [...repeats.values()].map((at) => {
    const name = shortText(names[at[0]!]!, 40);
    const cols = at.map((i) => count(i + 1));
    const said = at.length === 2 ? 'Two columns' : `${at.length} columns`;
    const list = `${cols.slice(0, -1).join(', ')} and ${cols.at(-1)}`;
    const shown = at
      .slice(1)
      .map((i) => `"${shortText(columns[i]!, 60)}"`)
      .join(', ');
    return `${said} are named "${name}" (columns ${list}): ${at.length === 2 ? 'the second is' : 'the others are'} shown as ${shown}.`;
  });
  return { columns, notes };
}

/**
 * A row whose cells do not match the header's count: shifted or cut, its cells cannot be trusted.
 * Empty cells past the last column (a trailing comma) are not a shift.
 */
export function wrongCellCount(fields: string[], header: number): boolean {
  if (fields.length < header) return true;
  for (let i = header; i < fields.length; i++) if (fields[i]!.trim() !== '') return true;
  return false;
}
