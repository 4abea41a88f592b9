import type { appointmentOperations } from '../../shared/appointments/contract';
import type { HandlersOf } from '../../shared/contract';
import type { Services } from '../services';
import { addToWaitingList, bookAppointment, completeAppointment, listAppointments, moveAppointment, previewBooking, setAppointmentStatus } from './service';
import { loadCatalog } from '../parts/catalog';
import { freeSlots } from './slots';
import { addTechnician, checkedCourses, knownCourses, listTechnicians } from './techs';

export const appointmentHandlers = (s: Services): HandlersOf<typeof appointmentOperations> => ({
  listTechnicians: () => ({ technicians: listTechnicians(s.db), courses: knownCourses(s.db, loadCatalog(s.db, s.campaigns)) }),
  addTechnician: (input) =>
    addTechnician(
      s.db,
      s.now().toISOString(),
      input.name,
      checkedCourses(knownCourses(s.db, loadCatalog(s.db, s.campaigns)), input.courses, input.otherCourses),
    ),
  previewBooking: async (input) => previewBooking(s, input, (await s.vpic?.decodeTyped(input.vin)) ?? null),
  bookAppointment: (input) => bookAppointment(s, input),
  listAppointments: (input) => listAppointments(s, input),
  freeSlots: (input) => freeSlots(s, input),
  addToWaitingList: (input) => addToWaitingList(s, input),
  moveAppointment: (input) => moveAppointment(s, input),
  setAppointmentStatus: (input) => setAppointmentStatus(s, input),
  completeAppointment: async (input) => {
    // With accounts the people are checked (the verifier's password takes a moment) before the write.
    if (s.accounts.any()) await s.accounts.confirmWork(input.technician, input.verifiedBy, input.verifierPassword);
    return completeAppointment(s, input);
  },
});
