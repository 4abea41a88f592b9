import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { FormRequestInput } from '../../shared/forms/contract';
import { FORM_KIND_LABEL } from '../../shared/wording';
import { api } from '../api';
import { useNavigation } from '../navigation';
import { apiQuery, useApiMutation } from '../queries';
import { ErrorNotice } from '../ui/Notice';
import { GuestFields, type GuestInput } from './GuestFields';
import { isMissingSettings, printDocument, savePdf, showDocument } from './print';

type Props = { request: FormRequestInput; onClose: () => void };

/**
 * A document before it prints: the preview (the very HTML the paper and the PDF come from), the
 * disclosure form's staff and guest fields, Print and Save PDF, then the e-mail step. Printing or
 * saving a per-vehicle document records it in the forms log.
 *
 * A modal <dialog> in the page's top layer, placed at the end of <body>: nothing it is opened from (a
 * completed card is drawn faded) makes it see-through, nothing on the screen (the Recent lookups
 * panel) is drawn over it, the screen behind is inert (Tab stays in the dialog), Esc closes it, and
 * the focus goes back to the button that opened it.
 */
export function FormDialog({ request, onClose }: Props) {
  const settings = useQuery(apiQuery('getSettings', {}));
  const [staff, setStaff] = useState('');
  const [guest, setGuest] = useState<GuestInput>({});
  const staffNames = settings.data?.staff ?? [];
  useEffect(() => {
    if (!staff && staffNames.length > 0) setStaff(staffNames[0]!);
  }, [staff, staffNames]);

  const disclosure = request.kind === 'disclosure';
  const full: FormRequestInput | null = disclosure ? (staff.trim() ? { ...request, staff, guest } : null) : request;
  const form = useQuery({ ...apiQuery('renderForm', full), placeholderData: (prev) => prev });
  const record = useApiMutation('recordForm');
  const save = useApiMutation('saveFormPdf');
  const [saved, setSaved] = useState<{ path: string; shown: boolean } | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const nav = useNavigation();

  useEffect(() => {
    if (frame.current && form.data) showDocument(frame.current, form.data.html);
  }, [form.data]);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (d && !d.open) d.showModal();
    return () => {
      if (d?.open) d.close();
      opener?.focus();
    };
  }, []);

  const doc = form.data;
  const logged = doc && (doc.kind === 'disclosure' || doc.kind === 'owner-letter' || doc.kind === 'faq') ? doc.kind : null;
  const print = async () => {
    if (!doc) return;
    if (logged) await record.mutateAsync({ kind: logged, campaign: doc.campaign!, vin: doc.vin, staff: disclosure ? staff : null });
    await printDocument(doc.html);
  };
  // The buyer's copy goes with the most current FAQ: printed from here, from the same bulletin.
  const [faqError, setFaqError] = useState<Error | null>(null);
  const printFaq = async () => {
    if (!doc?.campaign) return;
    setFaqError(null);
    try {
      const faq = await api.renderForm({ kind: 'faq', campaign: doc.campaign });
      await record.mutateAsync({ kind: 'faq', campaign: doc.campaign, vin: doc.vin, staff: staff || null });
      await printDocument(faq.html);
    } catch (err) {
      setFaqError(err as Error);
    }
  };
  const savePdfNow = async () => {
    if (!full) return;
    const r = await save.mutateAsync(full);
    const shown = await savePdf(r);
    setSaved({ path: r.path, shown: shown.shown });
  };

  return createPortal(
    <dialog
      ref={dialog}
      className="form-dialog"
      aria-label={doc?.title ?? FORM_KIND_LABEL[request.kind]}
      onKeyDown={(e) => {
        // Esc is the dialog's (it closes it): the screen behind does not also clear its lookup.
        if (e.key === 'Escape') e.stopPropagation();
        keepFocusIn(e, dialog.current);
      }}
      onCancel={(e) => {
        // Esc: the dialog closes as the screen says it does (the parent unmounts it).
        e.preventDefault();
        onClose();
      }}
    >
      <div className="panel">
        <iframe ref={frame} title="Preview" data-testid="form-preview" tabIndex={-1} />
        <div className="side">
          <h2>{FORM_KIND_LABEL[request.kind]}</h2>
          {settings.data && settings.data.missing.length > 0 && (
            <div className="banner error" role="alert">
              <strong>Enter the dealer's details before the first form prints.</strong>{' '}
              <button
                type="button"
                className="link"
                onClick={() => {
                  onClose();
                  nav.show('settings');
                }}
              >
                Open Settings
              </button>
            </div>
          )}
          {disclosure && (
            <>
              <label>
                Staff member
                <input list="staff-names" value={staff} onChange={(e) => setStaff(e.target.value)} placeholder="Name as it should print" />
                <datalist id="staff-names">
                  {staffNames.map((n) => (
                    <option key={n} value={n} />
                  ))}
                </datalist>
              </label>
              <GuestFields value={guest} onChange={setGuest} />
            </>
          )}
          {form.error && !isMissingSettings(form.error) && <ErrorNotice error={form.error} testId="form-error" />}
          {doc?.advisorNotes.map((n) => (
            <p key={n} className="advisor-note" data-testid="advisor-note">
              <strong>Advisor note:</strong> {n}
            </p>
          ))}
          <div className="button-row">
            <button type="button" className="primary" disabled={!doc || record.isPending} onClick={() => void print()}>
              Print
            </button>
            <button type="button" disabled={!doc || save.isPending} onClick={() => void savePdfNow()}>
              {save.isPending ? 'Saving…' : 'Save PDF'}
            </button>
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
          {(record.error || save.error) && <ErrorNotice error={(record.error ?? save.error)!} />}
          {(record.isSuccess || save.data?.record) && (
            <p className="banner ok" role="status" data-testid="form-recorded">
              Recorded in the forms log.
            </p>
          )}
          {saved && (
            <p data-testid="saved-path">
              Saved to <span className="mono">{saved.path}</span>
              {saved.shown ? ' (shown in its folder)' : ' (and downloaded)'}
            </p>
          )}
          {doc && doc.copies.length > 0 && (
            <>
              <ul className="copies">
                {doc.copies.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
              <button type="button" onClick={() => void printFaq()}>
                Print the guest FAQ for the buyer
              </button>
              {faqError && <ErrorNotice error={faqError} />}
            </>
          )}
          {doc?.mail && (
            <p>
              <a href={doc.mail.href} data-testid="mail-draft">
                E-mail draft to {doc.mail.to}
              </a>
              : subject “{doc.mail.subject}”. Attach the saved PDF.
            </p>
          )}
        </div>
      </div>
    </dialog>,
    document.body,
  );
}

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab from the last control goes to the first, Shift+Tab from the first to the last: never out of the dialog. */
function keepFocusIn(e: KeyboardEvent, dialog: HTMLDialogElement | null): void {
  if (e.key !== 'Tab' || !dialog) return;
  const all = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
  if (all.length === 0) return;
  const first = all[0]!;
  const last = all[all.length - 1]!;
  const at = document.activeElement;
  if (e.shiftKey && (at === first || !dialog.contains(at))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (at === last || !dialog.contains(at))) {
    e.preventDefault();
    first.focus();
  }
}
