// The campaign the library shows. Kept outside the screen, so a lookup card can open a campaign in the
// library (drawn or not yet) and the choice survives any change of screen.
import { useCallback, useSyncExternalStore } from 'react';
import { useNavigation } from '../navigation';

let selected: string | null = null;
const listeners = new Set<() => void>();

export function selectCampaign(code: string | null): void {
  if (code === selected) return;
  selected = code;
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

export const useSelectedCampaign = (): string | null => useSyncExternalStore(subscribe, () => selected);

/** Shows a campaign in the library (F3). */
export function useOpenCampaign(): (code: string) => void {
  const { show } = useNavigation();
  return useCallback(
    (code: string) => {
      selectCampaign(code);
      show('library');
    },
    [show],
  );
}
