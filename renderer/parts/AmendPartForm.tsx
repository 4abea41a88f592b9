import { useState } from 'react';
import { useApiMutation } from '../queries';
import { ErrorNotice, Notice } from '../ui/Notice';
import { ByField } from './ByField';
import { useByName } from './useByName';

type Tri = '' | 'yes' | 'no';
const tri = (v: Tri) => (v === '' ? null : v === 'yes');

/** Records what the bulletin has not said: a released number, a MAC code, an allocation (a dated amendment). */
export function AmendPartForm({ campaigns }: { campaigns: string[] }) {
  const [campaign, setCampaign] = useState('');
  const [part, setPart] = useState('');
  const [description, setDescription] = useState('');
  const [quantity, setQuantity] = useState('');
  const [mac, setMac] = useState<'' | 'C' | 'D' | 'none'>('');
  const [released, setReleased] = useState<Tri>('');
  const [perVin, setPerVin] = useState<Tri>('');
  const [allocation, setAllocation] = useState('');
  const [by, setBy] = useByName();
  const save = useApiMutation('setPart');
  return (
    <details className="panel">
      <summary>Record what the bulletin has not said (amendment)…</summary>
      <form
        className="lane-form"
        aria-label="Amend a part"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            campaign,
            part,
            description: description || null,
            quantity: quantity ? Number(quantity) : null,
            macCode: mac || null,
            released: tri(released),
            perVin: tri(perVin),
            allocation: allocation ? Number(allocation) : null,
            by,
          });
        }}
      >
        <select aria-label="Campaign" value={campaign} onChange={(e) => setCampaign(e.target.value)}>
          <option value="">Campaign…</option>
          {campaigns.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
        <input aria-label="Part number" className="mono" value={part} onChange={(e) => setPart(e.target.value)} placeholder="Part number" size={14} />
        <input aria-label="Description" value={description} onChange={(e) => setDescription(e.target.value)} placeholder="Description (for a new part)" />
        <input aria-label="Quantity per vehicle" value={quantity} onChange={(e) => setQuantity(e.target.value)} placeholder="Qty" size={4} />
        <select aria-label="MAC code" value={mac} onChange={(e) => setMac(e.target.value as typeof mac)}>
          <option value="">MAC code: unchanged</option>
          <option value="C">C: order through CPOR</option>
          <option value="D">D: refer to the MAC report</option>
          <option value="none">No MAC code</option>
        </select>
        <select aria-label="Released" value={released} onChange={(e) => setReleased(e.target.value as Tri)}>
          <option value="">Released: unchanged</option>
          <option value="yes">Released</option>
          <option value="no">Not released</option>
        </select>
        <select aria-label="Per VIN" value={perVin} onChange={(e) => setPerVin(e.target.value as Tri)}>
          <option value="">Per VIN: unchanged</option>
          <option value="yes">Per VIN</option>
          <option value="no">Not per VIN</option>
        </select>
        <input aria-label="Allocation" value={allocation} onChange={(e) => setAllocation(e.target.value)} placeholder="MAC allocation" size={8} />
        <ByField value={by} onChange={setBy} />
        <button type="submit" className="primary" disabled={save.isPending}>
          Record amendment
        </button>
        {save.error && <ErrorNotice error={save.error} />}
        {save.data && <Notice kind="ok" message={`Recorded for ${save.data.campaign} ${save.data.partNumber ?? save.data.description}.`} />}
      </form>
    </details>
  );
}
