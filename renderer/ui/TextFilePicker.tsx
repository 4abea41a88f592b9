import { decodeFile, type FileEncoding } from '../../shared/imports/encoding';

export type TextFile = { name: string; content: string; encoding: FileEncoding };

/**
 * A file input for CSV/text exports: hands over the file's text, read in its own encoding (UTF-8,
 * UTF-16 or Windows-1252, detected as the CLI does), and lets the same file be picked again.
 */
export function TextFilePicker({ id, onFile }: { id: string; onFile: (f: TextFile) => void }) {
  return (
    <input
      id={id}
      type="file"
      accept=".csv,.txt,text/csv,text/plain"
      onChange={async (e) => {
        const f = e.target.files?.[0];
        e.target.value = '';
        if (!f) return;
        const { text, encoding } = decodeFile(new Uint8Array(await f.arrayBuffer()));
        onFile({ name: f.name, content: text, encoding });
      }}
    />
  );
}
