import type { OutputOf } from '../../shared/api';
import { CONDITION_CHOICE_LABEL, count, plural } from '../../shared/wording';

type Choice = keyof typeof CONDITION_CHOICE_LABEL;
export type Conditions = Record<string, Choice>;
type Value = OutputOf<'previewVehicles'>['conditionValues'][number];

/**
 * The file's own condition values (DEMO, Loaner, ...) and what each is read as: the user maps the ones
 * Recall Desk does not know instead of losing those rows. Unmapped ones import with no condition.
 */
export function ConditionMapping({ values, onChange }: { values: Value[]; onChange: (value: string, choice: Choice) => void }) {
  const unknown = values.filter((v) => !v.recognised);
  if (unknown.length === 0) return null;
  return (
    <div className="banner warning" data-testid="condition-mapping">
      <strong>
        {unknown.length === 1 ? 'One condition value is' : `${count(unknown.length)} condition values are`} not new, used or certified pre-owned: say what each
        means.
      </strong>
      <div className="condition-map">
        {unknown.map((v) => (
          <label key={v.value} style={{ display: 'contents' }}>
            <span className="mono">{v.value}</span>
            <span className="muted">{plural(v.count, 'row')}</span>
            <select aria-label={`Condition for "${v.value}"`} value={v.condition} onChange={(e) => onChange(v.value, e.target.value as Choice)}>
              {Object.entries(CONDITION_CHOICE_LABEL).map(([c, label]) => (
                <option key={c} value={c}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </div>
  );
}
