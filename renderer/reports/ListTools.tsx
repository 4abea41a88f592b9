// The controls above a dealer-sized list: a search box and filters, each a plain labelled control.
import type { ReactNode } from 'react';

export function SearchBox({ label, hint, value, onChange }: { label: string; hint: string; value: string; onChange: (v: string) => void }) {
  return (
    <label>
      {label}
      <input type="search" aria-label={label} placeholder={hint} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

export function FilterSelect<V extends string>({
  label,
  value,
  onChange,
  any,
  options,
}: {
  label: string;
  value: V | '';
  onChange: (v: V | '') => void;
  /** The choice that filters nothing out ("All campaigns"). */
  any: string;
  options: readonly (readonly [V, ReactNode])[];
}) {
  return (
    <label>
      {label}
      <select aria-label={`${label} filter`} value={value} onChange={(e) => onChange(e.target.value as V | '')}>
        <option value="">{any}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
