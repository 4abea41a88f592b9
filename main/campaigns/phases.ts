// What a phase's status means for "is the remedy available now", and the one-line summaries of it.
import type { Phase } from '../../shared/bulletin';

export function remedyAvailable(status: Phase['status']): boolean | null {
  if (status === 'remedy-available') return true;
  if (status === 'unknown') return null;
  return false;
}

export function describePhase(p: Phase): string {
  // A status the bulletin does not state in words says how it is known.
  return p.statusBasis ? `${statusText(p)} ${p.statusBasis}` : statusText(p);
}

function statusText(p: Phase): string {
  switch (p.status) {
    case 'remedy-available':
      return `Remedy available (${p.name}${p.mailing ? `; guest mailing ${lowerFirst(p.mailing)}` : ''}).`;
    case 'announcement-expected':
      return `Not yet available: ${p.name}${p.expectedTiming ? `, ${lowerFirst(p.expectedTiming)}` : ', timing not stated'}.`;
    case 'parts-not-released':
      return `Not yet available: parts not released${p.expectedTiming ? `; ${lowerFirst(p.expectedTiming)}` : ''}.`;
    case 'unknown':
      return `Remedy status of ${p.name} is not stated.`;
  }
}

/** "Phase 1-5: remedy available; Phase 6-7: announcement expected" for a list or library row. */
export function summarizePhases(phases: Phase[]): string {
  if (phases.length === 1) return describePhase(phases[0]!);
  const groups: { status: Phase['status']; names: string[] }[] = [];
  for (const p of phases) {
    const last = groups.at(-1);
    if (last && last.status === p.status) last.names.push(p.id);
    else groups.push({ status: p.status, names: [p.id] });
  }
  const label: Record<Phase['status'], string> = {
    'remedy-available': 'remedy available',
    'announcement-expected': 'announcement expected',
    'parts-not-released': 'parts not released',
    unknown: 'status not stated',
  };
  return groups
    .map((g) => `${g.names.length > 1 ? `phases ${g.names[0]}-${g.names.at(-1)}` : `phase ${g.names[0]}`}: ${label[g.status]}`)
    .join('; ')
    .replace(/^./, (c) => c.toUpperCase());
}

/** "Begins late December" inside a sentence; month names and other proper nouns keep their capital. */
function lowerFirst(s: string): string {
  const first = s.split(/\s/)[0]!;
  return /^(January|February|March|April|May|June|July|August|September|October|November|December)$/.test(first) ? s : s.charAt(0).toLowerCase() + s.slice(1);
}
