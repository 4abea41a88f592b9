import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { CONNECT_BROWSER, CONNECT_CLI, CONNECT_TITLE, NOT_SHARING, SHARE_TITLE, SHARING_HOW } from '../../shared/lan/wording';
import { Can } from '../accounts/Can';
import { hostStatus } from '../api';
import { apiQuery } from '../queries';
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
      {status.data && !status.data.sharing && <p>{NOT_SHARING}</p>}
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
                {status.data.fingerprint}
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
