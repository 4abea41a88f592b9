import { useCallback, useEffect, useState } from 'react';
import type { OutputOf } from '../shared/api';
import { describeAge, ageInDays } from '../shared/age';
import { api } from './api';
import { LookupScreen } from './screens/LookupScreen';
import { LibraryScreen } from './screens/LibraryScreen';

type Screen = { name: 'lookup' } | { name: 'library'; code: string | null };

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
      if (e.key === 'F2') {
        e.preventDefault();
        setScreen({ name: 'lookup' });
      } else if (e.key === 'F3') {
        e.preventDefault();
        setScreen({ name: 'library', code: null });
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
          <button className={screen.name === 'lookup' ? 'tab active' : 'tab'} onClick={() => setScreen({ name: 'lookup' })}>
            VIN lookup <kbd>F2</kbd>
          </button>
          <button className={screen.name === 'library' ? 'tab active' : 'tab'} onClick={() => setScreen({ name: 'library', code: null })}>
            Campaign library <kbd>F3</kbd>
          </button>
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
        {screen.name === 'lookup' ? (
          <LookupScreen onOpenCampaign={openCampaign} />
        ) : (
          <LibraryScreen initialCode={screen.code} onLibraryChanged={refreshInfo} />
        )}
      </main>
    </div>
  );
}
