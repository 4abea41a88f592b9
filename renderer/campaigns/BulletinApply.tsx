import { useEffect } from 'react';
import type { OutputOf } from '../../shared/api';
import { ImpactView } from '../changes/ImpactView';
import { useApiMutation } from '../queries';
import { ErrorNotice, Notice } from '../ui/Notice';
import { selectCampaign } from './selection';

const OUTCOME = {
  added: (r: OutputOf<'importBulletin'>) => (r.dryRun ? 'a new campaign' : 'added to the library'),
  updated: (r: OutputOf<'importBulletin'>) =>
    r.dryRun ? `a newer revision (the library has ${r.previousRevisionDate})` : `updated (was ${r.previousRevisionDate})`,
  unchanged: () => 'already loaded: nothing changes',
} as const;

export type BulletinFile = { name: string; content: string };

/**
 * A bulletin (a chosen file, or one written in the editor): its impact first, worked out without
 * writing anything, then Apply or Cancel. Nothing is applied the moment a file is chosen.
 */
export function BulletinApply({ file, onDone }: { file: BulletinFile | null; onDone: () => void }) {
  const preview = useApiMutation('importBulletin');
  const apply = useApiMutation('importBulletin', { onSuccess: (r) => selectCampaign(r.code) });
  const { mutate: previewMutate, reset: previewReset } = preview;
  const { reset: applyReset } = apply;
  useEffect(() => {
    applyReset();
    if (file) previewMutate({ fileName: file.name, content: file.content, dryRun: true });
    else previewReset();
  }, [file, previewMutate, previewReset, applyReset]);

  if (apply.data) {
    const r = apply.data;
    return <Notice kind="ok" message={`${r.code} ${r.title}, revision ${r.revisionDate}: ${OUTCOME[r.outcome](r)}.`} testId="library-notice" />;
  }
  if (!file) return null;
  if (preview.error) return <ErrorNotice error={preview.error} testId="library-notice" />;
  if (apply.error) return <ErrorNotice error={apply.error} testId="library-notice" />;
  const p = preview.data;
  if (!p) return <p className="muted">Working out what {file.name} changes…</p>;
  return (
    <div className="panel" data-testid="bulletin-preview">
      <p>
        <strong>
          {p.code} {p.title}, revision {p.revisionDate}
        </strong>
        : {OUTCOME[p.outcome](p)}.
      </p>
      {p.outcome !== 'unchanged' && <ImpactView impact={p.impact} />}
      <div className="button-row">
        {p.outcome !== 'unchanged' && (
          <button
            type="button"
            className="primary"
            disabled={apply.isPending}
            onClick={() => apply.mutate({ fileName: file.name, content: file.content, dryRun: false })}
          >
            Apply {p.code} revision {p.revisionDate}
          </button>
        )}
        <button type="button" onClick={onDone} disabled={apply.isPending}>
          Cancel
        </button>
      </div>
    </div>
  );
}
