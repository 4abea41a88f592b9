// Which screen is in front, and a way to bring another one forward. Screens stay mounted once opened
// (their state and data survive a change of screen); a hidden screen knows it is hidden.
import { createContext, useContext } from 'react';
import type { ScreenId } from './screen-ids';

export type Navigation = { active: ScreenId; show: (screen: ScreenId) => void };

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation outside the app shell');
  return nav;
}

/** True while the screen around the caller is the one shown. */
export const ScreenActiveContext = createContext(true);
export const useScreenActive = (): boolean => useContext(ScreenActiveContext);
