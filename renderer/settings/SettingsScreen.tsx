import { useQuery } from '@tanstack/react-query';
import { Can } from '../accounts/Can';
import { useEffect, useState } from 'react';
import type { Paper, Settings } from '../../shared/settings/contract';
import { DEALER_FIELD_LABEL, PAPER_LABEL } from '../../shared/wording';
import { SharingSections } from '../lan/SharingSections';
import { apiQuery, useApiMutation } from '../queries';
import { ErrorNotice, Notice } from '../ui/Notice';
import '../forms/forms.css';

type DealerDraft = { name: string; address: string; code: string; phone: string };
const fromSettings = (s: Settings): DealerDraft => ({
  name: s.dealer.name ?? '',
  address: s.dealer.address ?? '',
  code: s.dealer.code ?? '',
  phone: s.dealer.phone ?? '',
});

/** Settings: the dealer's details printed on every form, the staff names offered on forms, the paper size. */
export function SettingsScreen() {
  const settings = useQuery(apiQuery('getSettings', {}));
  if (settings.error) return <ErrorNotice error={settings.error} />;
  if (!settings.data) return <p className="muted">Loading…</p>;
  return (
    <div className="settings-screen" data-testid="settings">
      <Can op="saveSettings">
        <DealerSection settings={settings.data} />
        <StaffSection staff={settings.data.staff} />
      </Can>
      <SharingSections />
    </div>
  );
}

function DealerSection({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState<DealerDraft>(() => fromSettings(settings));
  const [paper, setPaper] = useState<Paper>(settings.paper);
  useEffect(() => setPaper(settings.paper), [settings.paper]);
  const save = useApiMutation('saveSettings');
  const set = (k: keyof DealerDraft) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });
  return (
    <section>
      <h2>Dealer details on forms</h2>
      {settings.missing.length > 0 && (
        <Notice
          kind="error"
          message={`Forms do not print until these are set: ${settings.missing.map((f) => DEALER_FIELD_LABEL[f]).join(', ')}.`}
          testId="settings-missing"
        />
      )}
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ dealer: draft, paper });
        }}
      >
        <label htmlFor="dealer-name">Dealer name</label>
        <input id="dealer-name" value={draft.name} onChange={set('name')} required />
        <label htmlFor="dealer-address">Address</label>
        <textarea id="dealer-address" value={draft.address} onChange={set('address')} required />
        <label htmlFor="dealer-code">Dealer code</label>
        <input id="dealer-code" value={draft.code} onChange={set('code')} required />
        <label htmlFor="dealer-phone">Phone</label>
        <input id="dealer-phone" value={draft.phone} onChange={set('phone')} required />
        <label htmlFor="paper">Paper</label>
        <select id="paper" value={paper} onChange={(e) => setPaper(e.target.value as Paper)}>
          {(Object.keys(PAPER_LABEL) as Paper[]).map((p) => (
            <option key={p} value={p}>
              {PAPER_LABEL[p]}
            </option>
          ))}
        </select>
        <span />
        <div className="button-row">
          <button type="submit" className="primary" disabled={save.isPending}>
            Save
          </button>
          {save.isSuccess && !save.isPending && <span role="status">Saved.</span>}
        </div>
      </form>
      {save.error && <ErrorNotice error={save.error} />}
    </section>
  );
}

function StaffSection({ staff }: { staff: string[] }) {
  const [name, setName] = useState('');
  const add = useApiMutation('addStaff', { onSuccess: () => setName('') });
  const remove = useApiMutation('removeStaff');
  return (
    <section>
      <h2>Staff names</h2>
      <ul className="staff-list" data-testid="staff-list">
        {staff.map((n) => (
          <li key={n}>
            {n}
            <button type="button" className="link" onClick={() => remove.mutate({ name: n })}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        className="button-row"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({ name });
        }}
      >
        <input aria-label="Staff name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Name as it should print" />
        <button type="submit" disabled={!name.trim() || add.isPending}>
          Add
        </button>
      </form>
      {(add.error || remove.error) && <ErrorNotice error={(add.error ?? remove.error)!} />}
    </section>
  );
}
