import type { HandlersOf } from '../../shared/contract';
import type { formOperations } from '../../shared/forms/contract';
import type { Services } from '../services';

export const formHandlers = ({ forms, showInFolder, vpic }: Services): HandlersOf<typeof formOperations> => ({
  renderForm: async (input) => {
    // The hold report on paper is the screen's: NHTSA's recalls for other makes need vPIC's WMI makes (as the screen's report does).
    if (input.kind === 'holds') await vpic?.start();
    return forms.render(input);
  },
  recordForm: (input) => forms.record(input.kind, input.campaign, input.vin ?? null, input.staff || null),
  listForms: ({ vin }) => ({ forms: forms.list(vin ?? null) }),
  saveFormPdf: async (input) => {
    if (input.kind === 'holds') await vpic?.start();
    const r = await forms.save(input);
    return { path: r.path, fileName: r.form.fileName, pdfBase64: r.pdf.toString('base64'), pages: r.pages, record: r.record };
  },
  showInFolder: ({ path }) => {
    if (!showInFolder || !forms.isSavedForm(path)) return { shown: false };
    showInFolder(path);
    return { shown: true };
  },
});
