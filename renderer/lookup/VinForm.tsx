import { useEffect, type RefObject } from 'react';
import { analyzeVin, normalizeVin } from '../../shared/vin';
import { useScreenActive } from '../navigation';
import { VinFeedback } from './VinFeedback';

type Props = {
  field: RefObject<HTMLInputElement | null>;
  text: string;
  onText: (text: string) => void;
  onSubmit: () => void;
  busy: boolean;
  /** The VIN whose problems the banner already shows: not repeated live under the field. */
  reportedVin: string | null;
};

/** The VIN field: it has the focus whenever the lookup is shown; stray keys typed on the page land in it. */
export function VinForm({ field, text, onText, onSubmit, busy, reportedVin }: Props) {
  const active = useScreenActive();

  useEffect(() => {
    if (!active) return;
    // Shown: the cursor is in the VIN field, the VIN there selected, so a scan replaces it.
    field.current?.focus();
    field.current?.select();
    // Typing on the page (not in a field) goes to the VIN field; scans are routed by scanner.ts.
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      // A text field keeps its keys; on a button or a list they begin a VIN (a scanner does not know where the focus is).
      if (t.closest('input, textarea, [contenteditable]') || e.ctrlKey || e.metaKey || e.altKey) return;
      if (/^[a-zA-Z0-9]$/.test(e.key)) {
        e.preventDefault();
        onText(e.key);
        field.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, field, onText]);

  // Live feedback while typing; once Enter has shown the same problems in the banner, not twice.
  const live = text.trim() && reportedVin !== normalizeVin(text) ? analyzeVin(text) : null;

  return (
    <form
      className="vin-form"
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <label htmlFor="vin">Scan or type a VIN</label>
      <div className="vin-row">
        <input
          id="vin"
          ref={field}
          className="vin-input"
          value={text}
          onChange={(e) => onText(e.target.value)}
          data-scan-target
          spellCheck={false}
          autoCapitalize="characters"
          aria-describedby="vin-feedback"
          placeholder="e.g. JTHBE96S170007930"
        />
        {/* Never disabled while busy: a disabled submit button swallows the next Enter (the next scan). */}
        <button type="submit" className="primary" aria-busy={busy || undefined}>
          Look up <kbd>Enter</kbd>
        </button>
      </div>
      <div id="vin-feedback">{live && <VinFeedback analysis={live} />}</div>
    </form>
  );
}
