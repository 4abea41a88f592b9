export type GuestInput = { name?: string; email?: string; address?: string; phone?: string; mobilePhone?: string };

// The lengths the one-page form has room for (shared/forms/contract.ts says the same).
const FIELDS = [
  ['name', "Guest's name", 120],
  ['email', 'E-mail', 120],
  ['phone', 'Home phone', 40],
  ['mobilePhone', 'Mobile phone', 40],
] as const;

/** The guest's details for the disclosure form: printed on it, never stored in the forms log. */
export function GuestFields({ value, onChange }: { value: GuestInput; onChange: (v: GuestInput) => void }) {
  return (
    <fieldset>
      <legend>Guest (leave blank to write by hand)</legend>
      {FIELDS.map(([key, label, max]) => (
        <label key={key}>
          {label}
          <input value={value[key] ?? ''} maxLength={max} onChange={(e) => onChange({ ...value, [key]: e.target.value })} />
        </label>
      ))}
      <label>
        Address (up to 4 lines)
        <textarea maxLength={240} value={value.address ?? ''} onChange={(e) => onChange({ ...value, address: e.target.value })} />
      </label>
    </fieldset>
  );
}
