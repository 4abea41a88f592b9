import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { NavigationContext, ScreenActiveContext, type Navigation } from './navigation';
import { ChangesIndicator } from './changes/ChangesIndicator';
import { ImportIndicator } from './imports/ImportIndicator';
import { FIRST_SCREEN, SCREENS, type ScreenId } from './screens';
import { useScanner } from './lookup/scanner';
import { DataStatus } from './settings/DataStatus';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { Problem, reload } from './ui/Problem';

const FIRST_LABEL = SCREENS.find((s) => s.id === FIRST_SCREEN)!.label;

/**
 * The shell: the tabs and function keys from the screen registry, and the screens. A screen is drawn
 * the first time it is shown and then kept (hidden while another is in front), so a lookup, the
 * library's choice, the follow-up filters and a running import are all still there on coming back.
 */
export function App() {
  const [active, setActive] = useState<ScreenId>(FIRST_SCREEN);
  const [opened, setOpened] = useState<ReadonlySet<ScreenId>>(() => new Set([FIRST_SCREEN]));

  const show = useCallback((screen: ScreenId) => {
    setActive(screen);
    setOpened((prev) => (prev.has(screen) ? prev : new Set(prev).add(screen)));
  }, []);
  const nav = useMemo<Navigation>(() => ({ active, show }), [active, show]);
  // A scan reaches the lookup from every screen: the lookup is brought forward and answers it.
  useScanner(useCallback(() => show(FIRST_SCREEN), [show]));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const screen = SCREENS.find((s) => s.key !== null && s.key === e.key);
      if (!screen) return;
      e.preventDefault(); // F5 would reload the page.
      show(screen.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [show]);

  return (
    <NavigationContext value={nav}>
      <div className="app">
        <header className="topbar">
          <div className="brand">Recall Desk</div>
          <nav className="tabs" aria-label="Screens">
            {SCREENS.map((s) => (
              <button
                type="button"
                key={s.id}
                className={s.id === active ? 'tab active' : 'tab'}
                aria-current={s.id === active ? 'page' : undefined}
                onClick={() => show(s.id)}
              >
                {s.label} {s.key && <kbd>{s.key}</kbd>}
              </button>
            ))}
          </nav>
          <ImportIndicator />
          <ChangesIndicator />
          <DataStatus />
        </header>
        <main className="content">
          {SCREENS.filter((s) => opened.has(s.id)).map(({ id, label, component: Screen }) => (
            <div key={id} className="screen" data-screen={id} hidden={id !== active}>
              <ScreenActiveContext value={id === active}>
                <QueryErrorResetBoundary>
                  {({ reset }) => (
                    <ErrorBoundary
                      onRetry={reset}
                      fallback={(error, retry) => (
                        <Problem
                          title={`${label} could not be shown`}
                          error={error}
                          actions={[
                            { label: 'Try again', run: retry, primary: true },
                            ...(id === FIRST_SCREEN ? [] : [{ label: `Back to ${FIRST_LABEL}`, run: () => show(FIRST_SCREEN) }]),
                            reload,
                          ]}
                        />
                      )}
                    >
                      <Screen />
                    </ErrorBoundary>
                  )}
                </QueryErrorResetBoundary>
              </ScreenActiveContext>
            </div>
          ))}
        </main>
      </div>
    </NavigationContext>
  );
}
