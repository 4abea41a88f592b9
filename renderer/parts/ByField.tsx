/** "Your name" for the records a change leaves (who received, ordered, amended). */
export function ByField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <label>
      Your name <input aria-label="Your name" value={value} onChange={(e) => onChange(e.target.value)} placeholder="e.g. Pat Lee" size={14} />
    </label>
  );
}
