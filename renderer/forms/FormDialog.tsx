import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
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
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

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

  return (
    <div className="form-dialog" role="dialog" aria-modal="true" aria-label={doc?.title ?? FORM_KIND_LABEL[request.kind]}>
      <div className="panel">
        <iframe ref={frame} title="Preview" data-testid="form-preview" />
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
    </div>
  );
}
