import { useState } from 'react';
import { FormDialog } from './FormDialog';
import './forms.css';

/**
 * "Disclosure form…" for one vehicle, for screens that list vehicles (the hold report's
 * deliver-with-disclosure lines, an appointment): the same dialog as the lookup card's.
 */
export function DisclosureButton({ vin, campaign }: { vin: string; campaign: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="link" onClick={() => setOpen(true)}>
        Disclosure form…
      </button>
      {open && <FormDialog request={{ kind: 'disclosure', vin, campaign, staff: '' }} onClose={() => setOpen(false)} />}
    </>
  );
}
