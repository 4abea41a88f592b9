import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import {
  CONNECT_ADDRESS_LABEL,
  CONNECT_ADMIN_ONLY,
  CONNECT_BROWSER,
  CONNECT_BUTTON,
  CONNECT_CLI,
  CONNECT_CODE_LABEL,
  CONNECT_FINGERPRINT_LABEL,
  CONNECT_HOW,
  CONNECT_TITLE,
  CONNECTING,
  connectedTo,
  NOT_SHARING,
  PINNED_FINGERPRINT,
  PINNED_HOW,
  SHARE_BUTTON,
  SHARE_PORT_LABEL,
  SHARE_TITLE,
  SHARING_HOW,
  stopUsing,
} from '../../shared/lan/wording';
import { useCan } from '../accounts/auth';
import { Can } from '../accounts/Can';
import { hostStatus, lanHost } from '../api';
import { setSession } from '../session';
import { useDeskConnection } from './desk';
import { apiQuery, useApiMutation } from '../queries';
import { ErrorNotice } from '../ui/Notice';

/** Settings: sharing this PC's database (admins), and connecting this PC to one that shares. */
export function SharingSections() {
  return (
    <>
      <Can op="sharingStatus">
        <ShareSection />
      </Can>
      <ConnectSection />
    </>
  );
}

function ShareSection() {
  // The pairing code changes when used or after 10 minutes: asked again every few seconds.
  const status = useQuery({ ...apiQuery('sharingStatus', {}), refetchInterval: 5000 });
  return (
    <section data-testid="share-section">
      <h2>{SHARE_TITLE}</h2>
      {status.error && <ErrorNotice error={status.error} />}
      {status.data && !status.data.sharing && <StartSharing />}
      {status.data?.sharing && (
        <>
          <dl className="sharing">
            <dt>Address{status.data.addresses.length > 1 ? 'es' : ''}</dt>
            <dd>
              {status.data.addresses.map((a) => (
                <div key={a}>
                  <code>{a}</code>
                </div>
              ))}
            </dd>
            <dt>Fingerprint (SHA-256)</dt>
            <dd>
              <code className="fingerprint" data-testid="fingerprint">
                <Pairs text={status.data.fingerprint ?? ''} />
              </code>
            </dd>
            <dt>Pairing code</dt>
            <dd>
              <code className="pairing-code" data-testid="pairing-code">
                {status.data.pairingCode}
              </code>{' '}
              <span className="muted">
                works once, until{' '}
                {status.data.pairingExpires ? new Date(status.data.pairingExpires).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }) : ''}
              </span>
            </dd>
          </dl>
          <p className="muted">{SHARING_HOW}</p>
        </>
      )}
    </section>
  );
}

/** A fingerprint breaks between its pairs only, never inside one: people compare it pair by pair. */
function Pairs({ text }: { text: string }) {
  return text.split(':').map((pair, i) => (
    <span key={i}>
      {i > 0 && ':'}
      {i > 0 && <wbr />}
      {pair}
    </span>
  ));
}

/** Not sharing yet: the admin starts it here, on the port they choose (0: any free one). */
function StartSharing() {
  const [port, setPort] = useState('0');
  const share = useApiMutation('shareDatabase');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        share.mutate({ port: Number(port) });
      }}
    >
      <p>{NOT_SHARING}</p>
      <label>
        {SHARE_PORT_LABEL} <input inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value.trim())} size={6} data-testid="share-port" />
      </label>{' '}
      <button type="submit" disabled={share.isPending}>
        {SHARE_BUTTON}
      </button>
      {share.error && <ErrorNotice error={share.error} />}
    </form>
  );
}

function ConnectSection() {
  const { host } = useSyncExternalStore(hostStatus.subscribe, hostStatus.get);
  const connection = useDeskConnection();
  // A page the sharing PC serves to a plain browser: nothing to connect, that browser is on the host.
  if (lanHost) {
    return (
      <section data-testid="connect-section">
        <h2>{CONNECT_TITLE}</h2>
        {host && (
          <p>
            This window already works on the database of <strong>{host}</strong>.
          </p>
        )}
        <p>{CONNECT_BROWSER}</p>
        <p className="muted">{CONNECT_CLI}</p>
      </section>
    );
  }
  const c = connection.data;
  return (
    <section data-testid="connect-section">
      <h2>{CONNECT_TITLE}</h2>
      {connection.error && <ErrorNotice error={connection.error} />}
      {c?.server && c.host && c.fingerprint && <Connected host={c.host} fingerprint={c.fingerprint} />}
      {c && !c.server && (c.canConnect ? <ConnectForm /> : <p className="muted">{CONNECT_CLI}</p>)}
      {c && !c.server && <p className="muted">{CONNECT_BROWSER}</p>}
    </section>
  );
}

/** On a sharing PC's database: which one, the fingerprint pinned at pairing, and the way back. */
function Connected({ host, fingerprint }: { host: string; fingerprint: string }) {
  return (
    <>
      <p data-testid="connected-to">
        <strong>{connectedTo(host)}</strong>
      </p>
      <PinnedFingerprint fingerprint={fingerprint} />
      <StopUsingButton host={host} />
    </>
  );
}

/** The fingerprint this PC pinned, pair by pair, beside what to compare it with. */
export function PinnedFingerprint({ fingerprint }: { fingerprint: string }) {
  return (
    <>
      <dl className="sharing">
        <dt>{PINNED_FINGERPRINT}</dt>
        <dd>
          <code className="fingerprint" data-testid="pinned-fingerprint">
            <Pairs text={fingerprint} />
          </code>
        </dd>
      </dl>
      <p className="muted">{PINNED_HOW}</p>
    </>
  );
}

/** "Stop using HOST": the pairing is forgotten, the window works on this PC's database again (its own sign-in). */
export function StopUsingButton({ host }: { host: string }) {
  const client = useQueryClient();
  const stop = useApiMutation('stopUsingDesk', {
    onSuccess: () => {
      setSession(null);
      void client.resetQueries();
    },
  });
  return (
    <div>
      <button type="button" onClick={() => stop.mutate({})} disabled={stop.isPending} data-testid="stop-using">
        {stopUsing(host)}
      </button>
      {stop.error && <ErrorNotice error={stop.error} />}
    </div>
  );
}

/** The address and the pairing code the sharing PC shows; its fingerprint too, if the person wants it checked. */
function ConnectForm() {
  const may = useCan('connectToDesk');
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const client = useQueryClient();
  const connect = useApiMutation('connectToDesk', {
    onSuccess: () => {
      // The window now works on the host: its sign-in form comes next, and every screen is asked again there.
      setSession(null);
      void client.resetQueries();
    },
  });
  if (!may) return <p className="muted">{CONNECT_ADMIN_ONLY}</p>;
  return (
    <>
      <p>{CONNECT_HOW}</p>
      <form
        className="form-grid connect-form"
        aria-label={CONNECT_TITLE}
        onSubmit={(e) => {
          e.preventDefault();
          connect.mutate({ address, pairingCode: code, fingerprint });
        }}
      >
        <label htmlFor="connect-address">{CONNECT_ADDRESS_LABEL}</label>
        <input
          id="connect-address"
          value={address}
          onChange={(e) => setAddress(e.target.value.trim())}
          placeholder="https://192.168.1.20:8443"
          autoComplete="off"
          spellCheck={false}
          required
        />
        <label htmlFor="connect-code">{CONNECT_CODE_LABEL}</label>
        <input
          id="connect-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder="7KQ2-M9XD-4HTP"
          autoComplete="off"
          spellCheck={false}
          size={16}
          required
        />
        <label htmlFor="connect-fingerprint">{CONNECT_FINGERPRINT_LABEL}</label>
        <input
          id="connect-fingerprint"
          value={fingerprint}
          onChange={(e) => setFingerprint(e.target.value)}
          placeholder="AB:CD:…"
          autoComplete="off"
          spellCheck={false}
        />
        <span />
        <div className="button-row">
          <button type="submit" className="primary" disabled={connect.isPending}>
            {connect.isPending ? CONNECTING : CONNECT_BUTTON}
          </button>
        </div>
      </form>
      {connect.error && <ErrorNotice error={connect.error} testId="connect-error" />}
    </>
  );
}
