// The one gate, walked for every operation and every role: a person is refused exactly what the
// roles' rules refuse them, through the same dispatcher every transport uses. The expected table is
// written out here from the roles' rules, not read back from the contract, so a wrong declaration fails.
import { beforeAll, describe, expect, test } from 'vitest';
import { ROLES, type Role } from '../../shared/accounts/roles';
import { operationNames, type OperationName } from '../../shared/api';
import { createApp, type App } from '../../main/app';
import { SHARED_VPIC, tempDbPath } from '../support/tempdb';

const ALL: readonly Role[] = ROLES;
const MANAGERS: readonly Role[] = ['manager', 'admin'];
const PARTS: readonly Role[] = ['parts', 'manager', 'admin'];
const ADVISORS: readonly Role[] = ['advisor', 'manager', 'admin'];
const LISTS: readonly Role[] = ['parts', 'advisor', 'manager', 'admin'];

/** Who may call each operation: admins everything; managers everything but accounts; counter reads only. */
const MAY: Record<OperationName, readonly Role[] | 'public'> = {
  authStatus: 'public',
  signIn: 'public',
  signOut: 'public',
  listUsers: ['admin'],
  listPeople: ALL,
  addUser: ['admin'],
  setUserRoles: ['admin'],
  setUserActive: ['admin'],
  setUserPassword: ['admin'],
  setIdleMinutes: ['admin'],
  auditTrail: MANAGERS,
  lookup: ALL,
  listCampaigns: ALL,
  getCampaign: ALL,
  importBulletin: MANAGERS,
  previewVinList: LISTS,
  previewVehicles: LISTS,
  previewVinListFile: LISTS,
  previewVehiclesFile: LISTS,
  importImpact: LISTS,
  commitImport: LISTS,
  importStatus: ALL,
  cancelImport: LISTS,
  importJobs: ALL,
  setVehicleCampaignStatus: ADVISORS,
  holdReport: ALL,
  followUpList: ALL,
  holdReportPart: ALL,
  followUpPart: ALL,
  appInfo: ALL,
  getSettings: ALL,
  saveSettings: MANAGERS,
  addStaff: MANAGERS,
  removeStaff: MANAGERS,
  listParts: ALL,
  setPart: PARTS,
  recordMovement: PARTS,
  reverseMovement: MANAGERS,
  setStockingLevel: PARTS,
  stockHistory: ALL,
  partLedger: ALL,
  setCporReference: PARTS,
  vehicleCpor: ALL,
  cporRequests: ALL,
  suggestOrders: ALL,
  acceptSuggestions: PARTS,
  listTechnicians: ALL,
  addTechnician: MANAGERS,
  previewBooking: ALL,
  bookAppointment: ADVISORS,
  listAppointments: ALL,
  freeSlots: ALL,
  addToWaitingList: ADVISORS,
  moveAppointment: ADVISORS,
  setAppointmentStatus: ADVISORS,
  completeAppointment: ADVISORS,
  listClaims: ALL,
  correctClaim: MANAGERS,
  renderForm: ALL,
  recordForm: ADVISORS,
  listForms: ALL,
  saveFormPdf: ADVISORS,
  showInFolder: ALL,
  listChanges: ALL,
  unseenChanges: ALL,
  markChangesSeen: ALL,
  changeCallList: ADVISORS,
  sharingStatus: ['admin'],
  shareDatabase: ['admin'],
  deskConnection: 'public',
  connectToDesk: ['admin'],
  stopUsingDesk: 'public',
  previewNhtsa: MANAGERS,
  sendNhtsaPiece: MANAGERS,
  previewNhtsaUpload: MANAGERS,
  nhtsaStatus: ALL,
};

let app: App;
const sessions = new Map<Role, string>();

async function signInAs(role: Role): Promise<string> {
  const signed = await app.dispatch('signIn', { name: `${role} person`, password: 'secret-1' });
  if (!signed.ok) throw new Error(signed.error.message);
  return (signed.data as { session: string }).session;
}

beforeAll(async () => {
  app = await createApp({ dbPath: tempDbPath(), vpicPath: SHARED_VPIC, now: () => new Date('2026-11-23T12:00:00Z') });
  for (const role of ROLES) {
    const add = await app.dispatch(
      'addUser',
      { name: `${role} person`, roles: role === 'admin' ? ['admin'] : [role], password: 'secret-1' },
      { session: sessions.get('admin') ?? null },
    );
    expect(add.ok).toBe(true);
    sessions.set(role, await signInAs(role));
  }
  return () => app.close();
});

describe('every operation against every role', () => {
  test('the table names every operation', () => {
    expect(Object.keys(MAY).sort()).toEqual([...operationNames].sort());
  });

  for (const op of Object.keys(MAY) as OperationName[]) {
    test(op, async () => {
      for (const role of ROLES) {
        const may = MAY[op] === 'public' || (MAY[op] as readonly Role[]).includes(role);
        // An empty input: the gate decides before the input is even read. Signing out ends the
        // session it is called with: that one is a session of its own.
        const session = op === 'signOut' ? await signInAs(role) : sessions.get(role)!;
        const r = await app.dispatch(op, {}, { session });
        const refused = !r.ok && r.error.code === 'forbidden';
        expect(refused, `${op} as ${role}`).toBe(!may);
        if (refused) expect(r.error.message).toMatch(new RegExp(`^${role} person \\(${role}\\) may not .+: an? .+ account may\\.$`));
      }
      // Nobody signed in: only the public operations answer.
      const anon = await app.dispatch(op, {}, { session: null });
      if (MAY[op] === 'public') expect(!anon.ok && anon.error.code === 'unauthenticated').toBe(false);
      else expect(anon).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    });
  }
});
