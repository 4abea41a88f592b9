import { QueryErrorResetBoundary, useQuery } from '@tanstack/react-query';
import { ApiError } from '../shared/api';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { AuthContext, useAuth } from './accounts/auth';
import { SignIn } from './accounts/SignIn';
import { UserBar, useSignOut } from './accounts/UserBar';
import { DeskSignIn } from './lan/DeskSignIn';
import { HostBar } from './lan/HostBar';
import { useIdleSignOut } from './accounts/useIdleSignOut';
import { NavigationContext, ScreenActiveContext, type Navigation } from './navigation';
import { ChangesIndicator } from './changes/ChangesIndicator';
import { ImportIndicator } from './imports/ImportIndicator';
import { apiQuery } from './queries';
import { FIRST_SCREEN, SCREENS, type ScreenId } from './screens';
import { useScanner } from './lookup/scanner';
import { DataStatus } from './settings/DataStatus';
import { currentSession, endSession, onSessionChange } from './session';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { Problem, reload } from './ui/Problem';

const FIRST_LABEL = SCREENS.find((s) => s.id === FIRST_SCREEN)!.label;

/**
 * Who is at the counter. On a PC without accounts nobody signs in; once an account exists the window
 * shows the sign-in form until someone does, and the screens only after.
 */
export function App() {
  const auth = useQuery({ ...apiQuery('authStatus', {}), throwOnError: false });
  // A session that ended on the server (idle, disabled) shows the sign-in form at once.
  useEffect(() => onSessionChange(() => void auth.refetch()), [auth.refetch]);
  // Nobody signed in for the session this window holds: the server ended it (the form says so).
  const ended = !!auth.data?.accounts && !auth.data.user && currentSession() !== null;
  useEffect(() => {
    if (ended) endSession();
  }, [ended]);
  if (auth.error) {
    // A problem a person can act on (no access token, the app not running) is said as it is.
    if (auth.error instanceof ApiError)
      return (
        // A window connected to a sharing PC that refuses it (its certificate changed): the way back is here.
        <DeskSignIn problem>
          <div className="sign-in-page">
            <div className="sign-in" role="alert" data-testid="start-problem">
              <h1>Recall Desk could not start</h1>
              <p>{auth.error.message}</p>
              <button type="button" className="primary" onClick={() => window.location.reload()}>
                Try again
              </button>
            </div>
          </div>
        </DeskSignIn>
      );
    return <Problem title="Recall Desk could not start" error={auth.error} actions={[{ ...reload, primary: true }]} />;
  }
  if (!auth.data) return <div className="loading">Loading…</div>;
  if (auth.data.accounts && !auth.data.user)
    return (
      <DeskSignIn>
        <SignIn />
      </DeskSignIn>
    );
  return (
    <AuthContext value={auth.data.accounts ? auth.data : null}>
      <Shell />
    </AuthContext>
  );
}

/**
 * The shell: the tabs and function keys from the screen registry, and the screens. A screen is drawn
 * the first time it is shown and then kept (hidden while another is in front), so a lookup, the
 * library's choice, the follow-up filters and a running import are all still there on coming back,
 * and when another person signs in over them (Switch person).
 */
function Shell() {
  const auth = useAuth();
  const screens = useMemo(() => SCREENS.filter((s) => !('needs' in s) || !auth || auth.allowed.includes(s.needs)), [auth]);
  const [active, setActive] = useState<ScreenId>(FIRST_SCREEN);
  const [opened, setOpened] = useState<ReadonlySet<ScreenId>>(() => new Set([FIRST_SCREEN]));
  const [switching, setSwitching] = useState(false);
  const signOut = useSignOut();
  useIdleSignOut(auth?.user ? auth.idleMinutes : null, signOut);

  const show = useCallback((screen: ScreenId) => {
    setActive(screen);
    setOpened((prev) => (prev.has(screen) ? prev : new Set(prev).add(screen)));
  }, []);
  const nav = useMemo<Navigation>(() => ({ active, show }), [active, show]);
  // A scan reaches the lookup from every screen: the lookup is brought forward and answers it.
  useScanner(useCallback(() => show(FIRST_SCREEN), [show]));

  // A screen the next person may not see is left for the lookup.
  useEffect(() => {
    if (!screens.some((s) => s.id === active)) show(FIRST_SCREEN);
  }, [screens, active, show]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (auth?.user && e.altKey && !e.ctrlKey && !e.metaKey && e.key.toLowerCase() === 'u') {
        e.preventDefault();
        setSwitching(true);
        return;
      }
      const screen = screens.find((s) => s.key !== null && s.key === e.key);
      if (!screen) return;
      e.preventDefault(); // F5 would reload the page.
      show(screen.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [show, screens, auth?.user]);

  return (
    <NavigationContext value={nav}>
      <div className="app">
        <header className="topbar">
          <div className="brand">Recall Desk</div>
          <nav className="tabs" aria-label="Screens">
            {screens.map((s) => (
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
          <HostBar />
          <UserBar onSwitch={() => setSwitching(true)} />
        </header>
        <main className="content" inert={switching}>
          {screens
            .filter((s) => opened.has(s.id))
            .map(({ id, label, component: Screen }) => (
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
        {switching && <SignIn over current={auth?.user?.name} onDone={() => setSwitching(false)} onCancel={() => setSwitching(false)} />}
      </div>
    </NavigationContext>
  );
}
