import type { HandlersOf } from '../../shared/contract';
import type { formOperations } from '../../shared/forms/contract';
import type { Services } from '../services';

export const formHandlers = ({ forms, showInFolder }: Services): HandlersOf<typeof formOperations> => ({
  renderForm: (input) => forms.render(input),
  recordForm: (input) => forms.record(input.kind, input.campaign, input.vin ?? null, input.staff || null),
  listForms: ({ vin }) => ({ forms: forms.list(vin ?? null) }),
  saveFormPdf: async (input) => {
    const r = await forms.save(input);
    return { path: r.path, fileName: r.form.fileName, pdfBase64: r.pdf.toString('base64'), pages: r.pages, record: r.record };
  },
  showInFolder: ({ path }) => {
    if (!showInFolder || !forms.isSavedForm(path)) return { shown: false };
    showInFolder(path);
    return { shown: true };
  },
});
