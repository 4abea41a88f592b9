import { localIsoDate } from '../../shared/dates';
import type { HandlersOf } from '../../shared/contract';
import type { settingsOperations } from '../../shared/settings/contract';
import type { Services } from '../services';

export const settingsHandlers = ({ db, campaigns, now, version, settings }: Services): HandlersOf<typeof settingsOperations> => ({
  appInfo: () => {
    // The top bar polls this: a bulletin imported by another process (the CLI) must show up.
    campaigns.syncWithOtherProcesses();
    const s = campaigns.stats();
    return { version, databasePath: db.path, campaignCount: s.count, newestRevisionDate: s.newestRevisionDate, today: localIsoDate(now()) };
  },
  getSettings: () => settings.get(),
  saveSettings: (input) => settings.save(input),
  addStaff: ({ name }) => settings.addStaff(name),
  removeStaff: ({ name }) => settings.removeStaff(name),
});
