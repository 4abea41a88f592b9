import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLE_PURPOSE, ROLES, type Role } from '../../shared/accounts/roles';
import { apiQuery, useApiMutation } from '../queries';
import { ErrorNotice, Notice } from '../ui/Notice';
import { useAuth } from './auth';

/** Staff accounts (admins): add, roles, disable (never delete), new password, the idle sign-out time. */
export function AccountsScreen() {
  const users = useQuery(apiQuery('listUsers', {}));
  const auth = useAuth();
  return (
    <section className="accounts" aria-label="Staff accounts">
      <h2>Staff accounts</h2>
      <p className="muted">
        Everyone who signs in has an account with one or more roles. Accounts are disabled, never deleted: their names stay on the records they made.
      </p>
      {users.error && <ErrorNotice error={users.error} />}
      <table className="accounts-table" data-testid="accounts-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Roles</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.data?.users.map((u) => (
            <AccountRow key={u.name} name={u.name} roles={u.roles} active={u.active} />
          ))}
        </tbody>
      </table>
      <AddAccount />
      <IdleTime minutes={auth?.idleMinutes ?? 30} />
    </section>
  );
}

function RolePicker({ value, onChange, label }: { value: Role[]; onChange: (r: Role[]) => void; label: string }) {
  return (
    <fieldset className="roles" aria-label={label}>
      <legend>{label}</legend>
      {ROLES.map((r) => (
        <label key={r} title={ROLE_PURPOSE[r]}>
          <input type="checkbox" checked={value.includes(r)} onChange={(e) => onChange(e.target.checked ? [...value, r] : value.filter((x) => x !== r))} /> {r}
        </label>
      ))}
    </fieldset>
  );
}

function AccountRow({ name, roles, active }: { name: string; roles: Role[]; active: boolean }) {
  const [editing, setEditing] = useState(false);
  const [picked, setPicked] = useState<Role[]>(roles);
  const [password, setPassword] = useState('');
  const setRoles = useApiMutation('setUserRoles');
  const setActive = useApiMutation('setUserActive');
  const setPw = useApiMutation('setUserPassword');
  const error = setRoles.error ?? setActive.error ?? setPw.error;
  return (
    <tr>
      <td>{name}</td>
      <td>{editing ? <RolePicker label={`Roles of ${name}`} value={picked} onChange={setPicked} /> : roles.join(', ')}</td>
      <td>{active ? 'Active' : 'Disabled'}</td>
      <td className="row-actions">
        {editing ? (
          <>
            <button type="button" onClick={() => setRoles.mutate({ name, roles: picked }, { onSuccess: () => setEditing(false) })}>
              Save roles
            </button>
            <input
              type="password"
              aria-label={`New password for ${name}`}
              placeholder="New password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <button type="button" disabled={!password} onClick={() => setPw.mutate({ name, password }, { onSuccess: () => setPassword('') })}>
              Set password
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              Close
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setEditing(true)}>
            Change…
          </button>
        )}
        <button type="button" onClick={() => setActive.mutate({ name, active: !active })}>
          {active ? 'Disable' : 'Enable'}
        </button>
        {error && <ErrorNotice error={error} />}
        {setPw.isSuccess && <Notice kind="ok" message={`New password set for ${name}.`} />}
      </td>
    </tr>
  );
}

function AddAccount() {
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [password, setPassword] = useState('');
  const add = useApiMutation('addUser');
  return (
    <form
      className="lane-form"
      aria-label="Add an account"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(
          { name, roles, password },
          {
            onSuccess: () => {
              setName('');
              setRoles([]);
              setPassword('');
            },
          },
        );
      }}
    >
      <h3>Add an account</h3>
      <label>
        Name <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <RolePicker label="Roles" value={roles} onChange={setRoles} />
      <label>
        Password <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} placeholder="6 or more characters, or a 6-digit PIN" />
      </label>
      <button type="submit" className="primary" disabled={add.isPending}>
        Add account
      </button>
      {add.error && <ErrorNotice error={add.error} />}
      {add.data && <Notice kind="ok" message={`Added ${add.data.name} (${add.data.roles.join(', ')}).`} />}
    </form>
  );
}

function IdleTime({ minutes }: { minutes: number }) {
  const [value, setValue] = useState(String(minutes));
  const save = useApiMutation('setIdleMinutes');
  return (
    <form
      className="lane-form"
      aria-label="Idle sign-out"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ minutes: Number(value) });
      }}
    >
      <label>
        Sign out after <input type="number" min={1} max={720} value={value} onChange={(e) => setValue(e.target.value)} size={4} /> idle minutes
      </label>
      <button type="submit">Save</button>
      {save.error && <ErrorNotice error={save.error} />}
      {save.data && <Notice kind="ok" message={`People are signed out after ${save.data.idleMinutes} idle minutes.`} />}
    </form>
  );
}
