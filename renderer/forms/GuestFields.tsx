export type GuestInput = { name?: string; email?: string; address?: string; phone?: string; mobilePhone?: string };

const FIELDS = [
  ['name', "Guest's name"],
  ['email', 'E-mail'],
  ['phone', 'Home phone'],
  ['mobilePhone', 'Mobile phone'],
] as const;

/** The guest's details for the disclosure form: printed on it, never stored in the forms log. */
export function GuestFields({ value, onChange }: { value: GuestInput; onChange: (v: GuestInput) => void }) {
  return (
    <fieldset>
      <legend>Guest (leave blank to write by hand)</legend>
      {FIELDS.map(([key, label]) => (
        <label key={key}>
          {label}
          <input value={value[key] ?? ''} onChange={(e) => onChange({ ...value, [key]: e.target.value })} />
        </label>
      ))}
      <label>
        Address
        <textarea value={value.address ?? ''} onChange={(e) => onChange({ ...value, address: e.target.value })} />
      </label>
    </fieldset>
  );
}
