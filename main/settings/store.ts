// The dealer's settings: details printed on forms, staff names, paper size. Small rows read whole.
import { ApiError } from '../../shared/contract';
import { DEALER_FIELDS, type Dealer, type Paper, type Settings } from '../../shared/settings/contract';
import type { Db } from '../db/open';
import type { Row } from '../db/schema';
import { DEALER_FIELD_LABEL } from '../../shared/wording';

const KEY = { name: 'dealer_name', address: 'dealer_address', code: 'dealer_code', phone: 'dealer_phone' } as const;

export class SettingsStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  get(): Settings {
    const rows = this.db.sqlite.prepare<[], Row<'settings'>>('SELECT key, value FROM settings').all();
    const map = new Map(rows.map((r) => [r.key, r.value]));
    const dealer = {
      name: map.get(KEY.name) ?? null,
      address: map.get(KEY.address) ?? null,
      code: map.get(KEY.code) ?? null,
      phone: map.get(KEY.phone) ?? null,
    };
    const staff = this.db.sqlite.prepare<[], string>('SELECT name FROM staff ORDER BY name COLLATE NOCASE').pluck().all();
    return {
      dealer,
      missing: DEALER_FIELDS.filter((f) => !dealer[f]),
      staff,
      paper: map.get('paper') === 'a4' ? 'a4' : 'letter',
      openingHours: parseHours(map.get('opening_hours')),
    };
  }

  save(input: { dealer?: Dealer; paper?: Paper; openingHours?: { opens: string; closes: string } | null }): Settings {
    const put = this.db.sqlite.prepare<[string, string]>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.db.sqlite.transaction(() => {
      if (input.dealer) for (const f of DEALER_FIELDS) put.run(KEY[f], input.dealer[f]);
      if (input.paper) put.run('paper', input.paper);
      if (input.openingHours === null) this.db.sqlite.prepare("DELETE FROM settings WHERE key = 'opening_hours'").run();
      else if (input.openingHours) put.run('opening_hours', `${input.openingHours.opens}-${input.openingHours.closes}`);
    })();
    return this.get();
  }

  addStaff(name: string): Settings {
    this.db.sqlite.prepare('INSERT INTO staff (name, added_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(name, this.now().toISOString());
    return this.get();
  }

  removeStaff(name: string): Settings {
    const r = this.db.sqlite.prepare('DELETE FROM staff WHERE name = ?').run(name);
    if (r.changes === 0) throw new ApiError('not-found', `"${name}" is not in the staff list.`);
    return this.get();
  }

  /** The dealer's details for a form, or a clear refusal naming what is missing. */
  dealerForForms(): { dealer: Dealer; paper: Paper } {
    const s = this.get();
    if (s.missing.length > 0) {
      throw new ApiError(
        'invalid-input',
        `Dealer details are missing (${s.missing.map((f) => DEALER_FIELD_LABEL[f]).join(', ')}): enter them in Settings, or run "recall-desk settings dealer --name TEXT --address TEXT --code TEXT --phone TEXT", before the first form prints.`,
      );
    }
    return { dealer: s.dealer as Dealer, paper: s.paper };
  }
}

/** "07:30-18:00" as stored; null when none is set (the default). */
function parseHours(v: string | undefined): { opens: string; closes: string } | null {
  const m = v ? /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(v) : null;
  return m ? { opens: m[1]!, closes: m[2]! } : null;
}

/** The service lane's opening hours as Settings hold them; null when none are set. */
export function openingHours(db: Db): { opens: string; closes: string } | null {
  return parseHours(db.sqlite.prepare<[], string>("SELECT value FROM settings WHERE key = 'opening_hours'").pluck().get());
}
