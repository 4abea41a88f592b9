import { useRef } from 'react';

/** "Import bulletin…": picks a bulletin file (JSON) and hands over its name and text. */
export function ImportBulletinButton({ onFile, busy }: { onFile: (file: { name: string; content: string }) => void; busy: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={busy}>
        {busy ? 'Importing…' : 'Import bulletin…'}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="bulletin-file"
        onChange={async (e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onFile({ name: f.name, content: await f.text() });
        }}
      />
    </>
  );
}
