export type TextFile = { name: string; content: string };

/** A file input for CSV/text exports: hands over the file's text, and lets the same file be picked again. */
export function TextFilePicker({ id, onFile }: { id: string; onFile: (f: TextFile) => void }) {
  return (
    <input
      id={id}
      type="file"
      accept=".csv,.txt,text/csv,text/plain"
      onChange={async (e) => {
        const f = e.target.files?.[0];
        e.target.value = '';
        if (f) onFile({ name: f.name, content: await f.text() });
      }}
    />
  );
}
