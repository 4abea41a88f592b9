// The e-mail step of the disclosure form: a draft with the address and subject the bulletin gives,
// and the VIN. A mailto: link opens the user's mail program; nothing is sent by the app.
export type MailDraft = { to: string; subject: string; href: string };

export function mailDraft(to: string, subject: string, vin: string): MailDraft {
  const fullSubject = `${subject} ${vin}`;
  const body = `VIN: ${vin}\n\nThe completed form is attached.`;
  return {
    to,
    subject: fullSubject,
    href: `mailto:${encodeURIComponent(to).replace('%40', '@')}?subject=${encodeURIComponent(fullSubject)}&body=${encodeURIComponent(body)}`,
  };
}
