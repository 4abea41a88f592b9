import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CampaignHit, LookupResult } from '../../shared/api';
import type { FormRequestInput } from '../../shared/forms/contract';
import { dateTimeText } from '../../shared/dates';
import { FORM_KIND_LABEL } from '../../shared/wording';
import { apiQuery } from '../queries';
import { useAfterPaint } from '../ui/after-paint';
import { FormDialog } from './FormDialog';
import './forms.css';

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The print actions of a lookup result card: the disclosure form, the owner letter and the guest FAQ,
 * each offered only when the campaign's bulletin has it; and the forms already recorded for the vehicle.
 */
export function CardForms({ hit, result }: { hit: CampaignHit; result: LookupResult }) {
  // Asked once the answer is drawn: the print actions can follow it by a frame.
  const vin = useAfterPaint(result.vin);
  const detail = useQuery(apiQuery('getCampaign', vin ? { code: hit.code } : null));
  const log = useQuery(apiQuery('listForms', vin ? { vin } : null));
  const [open, setOpen] = useState<FormRequestInput | null>(null);
  const b = detail.data?.bulletin;
  if (!b) return null;
  const docs = b.documents;
  const offers: FormRequestInput[] = [
    ...(docs?.disclosureForm
      ? [{ kind: 'disclosure' as const, vin: result.vin, campaign: hit.code, staff: '', model: result.model, productionMonth: result.productionMonth }]
      : []),
    ...(docs?.ownerLetter ? [{ kind: 'owner-letter' as const, campaign: hit.code, vin: result.vin }] : []),
    ...(b.qa.some((q) => q.audience === 'guest') ? [{ kind: 'faq' as const, campaign: hit.code }] : []),
  ];
  const recorded = (log.data?.forms ?? []).filter((f) => f.campaign === hit.code);
  if (offers.length === 0 && recorded.length === 0) return null;
  return (
    <div className="card-forms" data-testid="card-forms">
      {offers.map((r) => (
        <button type="button" key={r.kind} onClick={() => setOpen(r)}>
          Print {lowerFirst(FORM_KIND_LABEL[r.kind])}…
        </button>
      ))}
      {recorded.map((f) => (
        <span key={f.id} className="recorded" data-testid="form-record">
          {FORM_KIND_LABEL[f.kind]} printed {dateTimeText(f.date)}
          {f.staff ? ` by ${f.staff}` : ''}
        </span>
      ))}
      {open && <FormDialog request={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
