import { useCallback, useEffect, useState } from 'react';
import type { OutputOf } from '../shared/api';
import { describeAge, ageInDays } from '../shared/age';
import { api } from './api';
import { LookupScreen } from './screens/LookupScreen';
import { LibraryScreen } from './screens/LibraryScreen';
import { ImportsScreen } from './screens/ImportsScreen';
import { HoldsScreen } from './screens/HoldsScreen';
import { FollowUpScreen } from './screens/FollowUpScreen';

type Screen = { name: 'lookup' } | { name: 'library'; code: string | null } | { name: 'imports' } | { name: 'holds' } | { name: 'followup' };

const TABS = [
  { key: 'F2', label: 'VIN lookup', screen: { name: 'lookup' } },
  { key: 'F3', label: 'Campaign library', screen: { name: 'library', code: null } },
  { key: 'F4', label: 'Imports', screen: { name: 'imports' } },
  { key: 'F5', label: 'Stock holds', screen: { name: 'holds' } },
  { key: 'F6', label: 'Follow-up', screen: { name: 'followup' } },
] as const satisfies readonly { key: string; label: string; screen: Screen }[];

export function App() {
  const [screen, setScreen] = useState<Screen>({ name: 'lookup' });
  const [info, setInfo] = useState<OutputOf<'appInfo'> | null>(null);
  const [infoError, setInfoError] = useState<string | null>(null);

  const refreshInfo = useCallback(() => {
    api.appInfo({}).then(setInfo, (e: Error) => setInfoError(e.message));
  }, []);
  useEffect(refreshInfo, [refreshInfo]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const tab = TABS.find((t) => t.key === e.key);
      if (tab) {
        e.preventDefault();
        setScreen(tab.screen);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const openCampaign = useCallback((code: string) => setScreen({ name: 'library', code }), []);

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">Recall Desk</div>
        <nav className="tabs" aria-label="Screens">
          {TABS.map((t) => (
            <button key={t.key} className={screen.name === t.screen.name ? 'tab active' : 'tab'} onClick={() => setScreen(t.screen)}>
              {t.label} <kbd>{t.key}</kbd>
            </button>
          ))}
        </nav>
        <div className="data-status" data-testid="data-status">
          {infoError ? (
            <span className="error-text">{infoError}</span>
          ) : info ? (
            <>
              {info.campaignCount} campaigns · newest bulletin {info.newestRevisionDate ?? 'none'}
              {info.newestRevisionDate ? ` (${describeAge(ageInDays(info.newestRevisionDate, new Date(info.today)))})` : ''}
            </>
          ) : (
            'Loading…'
          )}
        </div>
      </header>
      <main className="content">
        {screen.name === 'lookup' && <LookupScreen onOpenCampaign={openCampaign} />}
        {screen.name === 'library' && <LibraryScreen initialCode={screen.code} onLibraryChanged={refreshInfo} />}
        {screen.name === 'imports' && <ImportsScreen onDataChanged={refreshInfo} />}
        {screen.name === 'holds' && <HoldsScreen />}
        {screen.name === 'followup' && <FollowUpScreen />}
      </main>
    </div>
  );
}
