import type { changeOperations } from '../../shared/changes/contract';
import { ApiError, type HandlersOf } from '../../shared/contract';
import type { Services } from '../services';
import { changeById, listChanges, markSeen, unseenCount } from './store';

export const changeHandlers = ({ db, now }: Services): HandlersOf<typeof changeOperations> => ({
  listChanges: ({ since }) => ({ changes: listChanges(db, since ?? null), unseen: unseenCount(db) }),
  unseenChanges: () => ({ unseen: unseenCount(db) }),
  markChangesSeen: () => {
    markSeen(db, now().toISOString());
    return { unseen: unseenCount(db) };
  },
  changeCallList: ({ id }) => {
    const change = changeById(db, id);
    if (!change) throw new ApiError('not-found', `No change ${id} in "What changed".`, []);
    const guest = db.sqlite.prepare<[string], { guest_name: string | null; guest_phone: string | null; guest_email: string | null }>(
      'SELECT guest_name, guest_phone, guest_email FROM vehicles WHERE vin = ?',
    );
    return change.impact.remedyNowAvailable.map((r) => {
      const g = guest.get(r.vin);
      return { ...r, guestName: g?.guest_name ?? null, guestPhone: g?.guest_phone ?? null, guestEmail: g?.guest_email ?? null };
    });
  },
});
