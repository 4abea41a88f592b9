import { useCallback, useRef, useState } from 'react';
import { normalizeVin } from '../../shared/vin';
import { useOpenCampaign } from '../campaigns/selection';
import { ErrorNotice } from '../ui/Notice';
import { LookupAnswer } from './LookupAnswer';
import { RecentLookups } from './RecentLookups';
import { NO_FACTS, statedFacts, useLookup, type Facts, type LookupRequest } from './useLookup';
import { VinForm } from './VinForm';

/** VIN lookup (F2): scan, see every campaign that may apply, answer what the VIN cannot tell. */
export function LookupScreen() {
  const lookup = useLookup();
  const openCampaign = useOpenCampaign();
  const field = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const { run, result } = lookup;

  const ask = useCallback(
    async (req: LookupRequest) => {
      const r = await run(req);
      if (r) setText(r.vin);
      // Ready for the next scan: the whole VIN is selected, so a scan replaces it.
      requestAnimationFrame(() => field.current?.select());
    },
    [run],
  );

  const submit = () => {
    // A new VIN starts with no stated facts; the same VIN keeps what was already answered.
    const facts = result && result.vin === normalizeVin(text) ? statedFacts(result) : NO_FACTS;
    void ask({ vin: text, ...facts });
  };

  const answer = (facts: Partial<Facts>) => {
    if (result) void ask({ vin: result.vin, ...statedFacts(result), ...facts });
  };

  const clear = () => {
    setText('');
    lookup.clear();
  };

  return (
    <div className="lookup">
      <section className="lookup-main">
        <VinForm
          field={field}
          text={text}
          onText={setText}
          onSubmit={submit}
          onClear={clear}
          busy={lookup.busy}
          reportedVin={lookup.error && lookup.request ? normalizeVin(lookup.request.vin) : null}
        />
        {lookup.error && <ErrorNotice error={lookup.error} testId="lookup-error" />}
        {result && <LookupAnswer result={result} updating={lookup.updating} onAnswer={answer} onOpenCampaign={openCampaign} />}
        {!result && !lookup.error && (
          <p className="hint">
            The cursor is in the VIN field: scan the barcode (door jamb or windshield) or type the 17 characters and press Enter. A scanner's leading "I" is
            removed. <kbd>Esc</kbd> clears.
          </p>
        )}
      </section>
      <RecentLookups recent={lookup.recent} onPick={(r) => void ask({ vin: r.vin, model: r.model, productionMonth: r.productionMonth })} />
    </div>
  );
}
