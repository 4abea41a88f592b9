import { useQuery } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import { CONNECT_BROWSER, CONNECT_CLI, CONNECT_TITLE, NOT_SHARING, SHARE_BUTTON, SHARE_PORT_LABEL, SHARE_TITLE, SHARING_HOW } from '../../shared/lan/wording';
import { Can } from '../accounts/Can';
import { hostStatus } from '../api';
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
