import type { accountOperations } from '../../shared/accounts/contract';
import type { HandlersOf } from '../../shared/contract';
import type { Services } from '../services';

export const accountHandlers = ({ accounts, audit }: Services): HandlersOf<typeof accountOperations> => ({
  authStatus: (_input, caller) => accounts.status(caller.actor),
  signIn: ({ name, password }) => accounts.signIn(name, password),
  signOut: (_input, caller) => accounts.signOut(caller),
  listUsers: () => ({ users: accounts.list() }),
  listPeople: () => ({
    people: accounts
      .list()
      .filter((a) => a.active)
      .map(({ name, roles }) => ({ name, roles })),
  }),
  addUser: ({ name, roles, password }) => accounts.add(name, roles, password),
  setUserRoles: ({ name, roles }, caller) => accounts.setRoles(name, roles, caller),
  setUserActive: ({ name, active }, caller) => accounts.setActive(name, active, caller),
  setUserPassword: ({ name, password }) => accounts.setPassword(name, password),
  setIdleMinutes: ({ minutes }) => {
    accounts.store.setIdleMinutes(minutes);
    return { idleMinutes: accounts.store.idleMinutes() };
  },
  auditTrail: (input) => ({ entries: audit.list(input) }),
});
