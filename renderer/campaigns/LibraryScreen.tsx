import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Can } from '../accounts/Can';
import { useEffect, useMemo, useRef, useState } from 'react';
import { count, KIND_LABEL } from '../../shared/wording';
import { apiQuery } from '../queries';
import { Busy } from '../ui/Busy';
import { downloadText } from '../ui/download';
import { ErrorNotice } from '../ui/Notice';
import { BulletinApply, type BulletinFile } from './BulletinApply';
import { BulletinEditor } from './BulletinEditor';
import { CampaignDetail } from './CampaignDetail';
import { CampaignList } from './CampaignList';
import { filterCampaigns, type KindFilter } from './filter';
import { ImportBulletinButton } from './ImportBulletinButton';
import { selectCampaign, useSelectedCampaign } from './selection';
import { NhtsaPanel } from '../nhtsa/NhtsaPanel';

/** Campaign library (F3): every campaign with everything its bulletin states, and bulletin imports. */
export function LibraryScreen() {
  const selected = useSelectedCampaign();
  const list = useQuery(apiQuery('listCampaigns', {}));
  const detail = useQuery({ ...apiQuery('getCampaign', selected ? { code: selected } : null), placeholderData: keepPreviousData });
  // A chosen file is only previewed (its impact), then applied or cancelled.
  const [file, setFile] = useState<BulletinFile | null>(null);
  // The guided editor: a new campaign (null) or a new revision of the chosen one.
  const [editing, setEditing] = useState<'new' | 'revision' | null>(null);
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
    <div className={editing ? 'library editing' : 'library'}>
      <section className="library-list" aria-label="Campaigns">
        <div className="library-tools">
          <h2>Campaigns</h2>
          <Can op="importBulletin">
            <ImportBulletinButton busy={false} onFile={(f) => setFile({ name: f.name, content: f.content })} />
            <button type="button" onClick={() => setEditing('new')}>
              New campaign
            </button>
          </Can>
        </div>
        <BulletinApply file={file} onDone={() => setFile(null)} />
        <NhtsaPanel />
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
        {editing && (
          <BulletinEditor
            key={editing === 'new' ? 'new' : `rev-${selected}`}
            from={editing === 'revision' && detail.data ? detail.data.bulletin : null}
            onClose={() => setEditing(null)}
          />
        )}
        {!editing && detail.error && <ErrorNotice error={detail.error} />}
        {detail.isPlaceholderData && <Busy label={`Opening ${selected}…`} />}
        {editing ? null : detail.data && selected ? (
          <div className={detail.isPlaceholderData ? 'updating' : undefined}>
            <div className="button-row detail-tools">
              <button type="button" onClick={() => setEditing('revision')}>
                New revision of {selected}
              </button>
              <button
                type="button"
                onClick={() =>
                  downloadText(
                    `${detail.data.bulletin.code}-${detail.data.bulletin.revisionDate}.json`,
                    `${JSON.stringify(detail.data.bulletin, null, 2)}\n`,
                    'application/json',
                  )
                }
              >
                Export {selected} as a bulletin file
              </button>
            </div>
            <CampaignDetail d={detail.data} />
          </div>
        ) : (
          !detail.error && <p className="hint">{selected ? 'Loading…' : 'Choose a campaign to see everything its bulletin states.'}</p>
        )}
      </section>
    </div>
  );
}
