import { useSignedInName } from '../accounts/auth';

/**
 * "Your name" for the records a change leaves (who received, ordered, amended) on a PC without
 * accounts. Signed in, the record takes the signed-in person and nothing is asked.
 */
export function ByField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const signedIn = useSignedInName();
  if (signedIn) return null;
  return (
    <label>
      Your name <input aria-label="Your name" value={value} onChange={(e) => onChange(e.target.value)} placeholder="e.g. Pat Lee" size={14} />
    </label>
  );
}
