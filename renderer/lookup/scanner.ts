// Wires the scan detector to the keyboard, for the whole window: a scan (a fast burst of keys and
// Enter) is taken away from whatever had the focus (a field on another screen, the month field, the
// Look up button) and handed to the lookup; what the burst typed into a field is put back as it was.
import { useEffect } from 'react';
import { ScanDetector } from '../../shared/lookup/scan';

type Listener = (vin: string) => void;
const listeners = new Set<Listener>();
let undelivered: string | null = null;

/** The lookup listens here; a scan that comes before it is listening is kept for it. */
export function onScan(listener: Listener): () => void {
  listeners.add(listener);
  if (undelivered) {
    listener(undelivered);
    undelivered = null;
  }
  return () => listeners.delete(listener);
}

function deliver(vin: string): void {
  if (listeners.size === 0) undelivered = vin;
  for (const l of listeners) l(vin);
}

type TextField = HTMLInputElement | HTMLTextAreaElement;
const isTextField = (el: EventTarget | null): el is TextField =>
  (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'file'].includes(el.type)) || el instanceof HTMLTextAreaElement;

/** Puts a field back as it was before the burst, through the native setter so React sees the change. */
function restore(field: TextField, value: string): void {
  const proto = field instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Installs the window-wide scan detector. `onScanned` gets the clean VIN; the VIN field itself
 * (`data-scan-target`) is not restored: the lookup writes the scanned VIN into it.
 */
export function useScanner(onScanned: (vin: string) => void): void {
  useEffect(() => {
    // Each key remembers the field it landed in and that field's value before it.
    const detector = new ScanDetector<{ field: TextField; value: string } | null>();
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return detector.reset();
      if (e.key.length === 1) {
        detector.key(e.key, e.timeStamp, isTextField(e.target) ? { field: e.target, value: e.target.value } : null);
        // On a button or a list the keys would do nothing useful (or pick an option): they belong to the scan.
        if (!isTextField(e.target) && (e.target instanceof HTMLSelectElement || e.target instanceof HTMLButtonElement)) e.preventDefault();
        return;
      }
      if (e.key === 'Enter') {
        const scan = detector.enter(e.timeStamp);
        if (!scan) return;
        // Not a click on the focused button, not a submit of the focused form: the scan goes to the lookup.
        e.preventDefault();
        e.stopPropagation();
        const origin = scan.first;
        if (origin && !origin.field.hasAttribute('data-scan-target')) restore(origin.field, origin.value);
        onScanned(scan.vin);
        deliver(scan.vin);
        return;
      }
      if (e.key !== 'Shift') detector.reset();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onScanned]);
}
