import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OutputOf } from '../../shared/api';
import { apiQuery, useApiMutation } from '../queries';
import { Busy } from '../ui/Busy';
import { ErrorNotice, Notice } from '../ui/Notice';
import { CampaignDetail } from './CampaignDetail';
import { CampaignList } from './CampaignList';
import { ImportBulletinButton } from './ImportBulletinButton';
import { selectCampaign, useSelectedCampaign } from './selection';

const OUTCOME = {
  added: () => 'added to the library',
  updated: (r: OutputOf<'importBulletin'>) => `updated (was ${r.previousRevisionDate})`,
  unchanged: () => 'already loaded: nothing changed',
} as const;

/** Campaign library (F3): every campaign with everything its bulletin states, and bulletin imports. */
export function LibraryScreen() {
  const selected = useSelectedCampaign();
  const list = useQuery(apiQuery('listCampaigns', {}));
  const detail = useQuery({ ...apiQuery('getCampaign', selected ? { code: selected } : null), placeholderData: keepPreviousData });
  const importer = useApiMutation('importBulletin', { onSuccess: (r) => selectCampaign(r.code) });
  const imported = importer.data;

  return (
    <div className="library">
      <section className="library-list" aria-label="Campaigns">
        <div className="library-tools">
          <h2>Campaigns</h2>
          <ImportBulletinButton busy={importer.isPending} onFile={(f) => importer.mutate({ fileName: f.name, content: f.content })} />
        </div>
        {importer.error && <ErrorNotice error={importer.error} testId="library-notice" />}
        {imported && (
          <Notice
            kind="ok"
            message={`${imported.code} ${imported.title}, revision ${imported.revisionDate}: ${OUTCOME[imported.outcome](imported)}.`}
            testId="library-notice"
          />
        )}
        {list.error && <ErrorNotice error={list.error} />}
        {list.data ? <CampaignList campaigns={list.data} selected={selected} onSelect={selectCampaign} /> : !list.error && <p className="muted">Loading…</p>}
      </section>
      <section className="library-detail" aria-label="Campaign detail" aria-busy={detail.isPlaceholderData || undefined}>
        {detail.error && <ErrorNotice error={detail.error} />}
        {detail.isPlaceholderData && <Busy label={`Opening ${selected}…`} />}
        {detail.data && selected ? (
          <div className={detail.isPlaceholderData ? 'updating' : undefined}>
            <CampaignDetail d={detail.data} />
          </div>
        ) : (
          !detail.error && <p className="hint">{selected ? 'Loading…' : 'Choose a campaign to see everything its bulletin states.'}</p>
        )}
      </section>
    </div>
  );
}
