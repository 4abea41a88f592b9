/**
 * A file input for CSV/text exports: hands over the picked file itself (never read whole here; it is
 * sent streamed, see ./upload.ts), and lets the same file be picked again.
 */
export function ImportFilePicker({ id, onFile }: { id: string; onFile: (f: File) => void }) {
  return (
    <input
      id={id}
      type="file"
      accept=".csv,.txt,text/csv,text/plain"
      onChange={(e) => {
        const f = e.target.files?.[0];
        e.target.value = '';
        if (f) onFile(f);
      }}
    />
  );
}
