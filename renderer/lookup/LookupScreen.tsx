import { useCallback, useEffect, useRef, useState } from 'react';
import { normalizeVin } from '../../shared/vin';
import { useOpenCampaign } from '../campaigns/selection';
import { useScreenActive } from '../navigation';
import { ErrorNotice } from '../ui/Notice';
import { LookupAnswer } from './LookupAnswer';
import { RecentLookups } from './RecentLookups';
import { onScan } from './scanner';
import { type Facts, type LookupRequest, NO_FACTS, type RecentLookup, statedFacts, useLookup } from './useLookup';
import { VinForm } from './VinForm';

/** VIN lookup (F2): scan, see every campaign that may apply, answer what the VIN cannot tell. */
export function LookupScreen() {
  const lookup = useLookup();
  const openCampaign = useOpenCampaign();
  const active = useScreenActive();
  const field = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  /** Set when the field should be selected once React has written the VIN into it. */
  const [selectSoon, setSelectSoon] = useState(0);
  const { run, result, clear: clearLookup } = lookup;

  /** The VIN of the answer on screen: typing on after it starts a new VIN instead of extending it. */
  const answered = useRef<string | null>(null);

  const ask = useCallback(
    async (req: LookupRequest) => {
      const r = await run(req);
      if (r) {
        answered.current = r.vin;
        // The clean VIN back into the field, unless the next one is already being typed there.
        setText((prev) => (normalizeVin(prev) === r.vin ? r.vin : prev));
      }
      setSelectSoon((n) => n + 1);
    },
    [run],
  );

  // Ready for the next scan or typing: the whole VIN selected, after the render that wrote it, unless
  // new keys have arrived meanwhile (selecting then would swallow them).
  useEffect(() => {
    const f = field.current;
    if (selectSoon && f && document.activeElement === f && f.value === answered.current) f.select();
  }, [selectSoon]);

  const onText = useCallback((next: string) => {
    const vin = answered.current;
    // Keys typed at the end of the answered VIN begin the next one (the selection may not be there yet).
    setText((prev) => (vin && prev === vin && next.length > vin.length && next.startsWith(vin) ? next.slice(vin.length) : next));
  }, []);

  // A scan from anywhere (see scanner.ts) replaces the VIN and is looked up, with no stated facts.
  useEffect(
    () =>
      onScan((vin) => {
        answered.current = vin;
        setText(vin);
        field.current?.focus();
        void ask({ vin, ...NO_FACTS });
      }),
    [ask],
  );

  const clear = useCallback(() => {
    answered.current = null;
    setText('');
    clearLookup();
    field.current?.focus();
  }, [clearLookup]);

  // Esc clears from anywhere on this screen.
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') clear();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, clear]);

  const submit = () => {
    // A new VIN starts with no stated facts; the same VIN keeps what was already answered.
    const facts = result && result.vin === normalizeVin(text) ? statedFacts(result) : NO_FACTS;
    void ask({ vin: text, ...facts });
  };

  // Facts add up over the questions asked about this VIN, even when an answer is still on its way.
  const { newestAsked } = lookup;
  const answer = useCallback(
    (facts: Partial<Facts>) => {
      if (!result) return;
      const asked = newestAsked();
      const known = asked && normalizeVin(asked.vin) === result.vin ? { model: asked.model, productionMonth: asked.productionMonth } : statedFacts(result);
      void ask({ vin: result.vin, ...known, ...facts });
    },
    [ask, result, newestAsked],
  );

  const pick = useCallback(
    (r: RecentLookup) => {
      answered.current = r.vin;
      setText(r.vin);
      void ask({ vin: r.vin, model: r.model, productionMonth: null });
    },
    [ask],
  );

  return (
    <div className="lookup">
      <section className="lookup-main">
        <VinForm
          field={field}
          text={text}
          onText={onText}
          onSubmit={submit}
          busy={lookup.updating}
          reportedVin={lookup.error && lookup.request ? normalizeVin(lookup.request.vin) : null}
        />
        {lookup.error && <ErrorNotice error={lookup.error} testId="lookup-error" />}
        {result && <LookupAnswer result={result} updating={lookup.updating} onAnswer={answer} onOpenCampaign={openCampaign} />}
        {!result && !lookup.error && (
          <p className="hint">
            Scan the barcode (door jamb or windshield) from any screen, or type the 17 characters here and press Enter. A scanner's leading "I" is removed.{' '}
            <kbd>Esc</kbd> clears.
          </p>
        )}
      </section>
      <RecentLookups recent={lookup.recent} onPick={pick} />
    </div>
  );
}
