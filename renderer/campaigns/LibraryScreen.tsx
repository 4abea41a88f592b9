import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Can } from '../accounts/Can';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { OutputOf } from '../../shared/api';
import { count, KIND_LABEL } from '../../shared/wording';
import { apiQuery, useApiMutation } from '../queries';
import { Busy } from '../ui/Busy';
import { ErrorNotice, Notice } from '../ui/Notice';
import { CampaignDetail } from './CampaignDetail';
import { CampaignList } from './CampaignList';
import { filterCampaigns, type KindFilter } from './filter';
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
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<KindFilter>('all');
  const shown = useMemo(() => (list.data ? filterCampaigns(list.data, query, kind) : []), [list.data, query, kind]);
  // The detail is a sticky panel beside the list: a new choice starts at its top, in view.
  const detailBox = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!selected) return;
    detailBox.current?.scrollTo({ top: 0 });
    const box = detailBox.current?.getBoundingClientRect();
    if (box && (box.top < 0 || box.top > window.innerHeight)) detailBox.current?.scrollIntoView({ block: 'start' });
  }, [selected]);

  return (
    <div className="library">
      <section className="library-list" aria-label="Campaigns">
        <div className="library-tools">
          <h2>Campaigns</h2>
          <Can op="importBulletin">
            <ImportBulletinButton busy={importer.isPending} onFile={(f) => importer.mutate({ fileName: f.name, content: f.content })} />
          </Can>
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
        <div className="library-search">
          <input
            type="search"
            aria-label="Search campaigns"
            placeholder="Code, title or model (e.g. RX 330)"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value as KindFilter)}>
            <option value="all">All kinds</option>
            {(Object.keys(KIND_LABEL) as (keyof typeof KIND_LABEL)[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
        {list.data && (
          <p className="muted" data-testid="library-count">
            {shown.length === list.data.length ? `${count(list.data.length)} campaigns` : `${count(shown.length)} of ${count(list.data.length)} campaigns`}
          </p>
        )}
        {list.data ? <CampaignList campaigns={shown} selected={selected} onSelect={selectCampaign} /> : !list.error && <p className="muted">Loading…</p>}
      </section>
      <section ref={detailBox} className="library-detail" aria-label="Campaign detail" aria-busy={detail.isPlaceholderData || undefined}>
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
