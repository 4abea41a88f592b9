import type { appointmentOperations } from '../../shared/appointments/contract';
import type { HandlersOf } from '../../shared/contract';
import type { Services } from '../services';
import { addToWaitingList, bookAppointment, completeAppointment, listAppointments, moveAppointment, previewBooking, setAppointmentStatus } from './service';
import { addTechnician, listTechnicians } from './techs';

export const appointmentHandlers = (s: Services): HandlersOf<typeof appointmentOperations> => ({
  listTechnicians: () => ({ technicians: listTechnicians(s.db) }),
  addTechnician: async (input) => {
    await s.jobs.whenIdle();
    return addTechnician(s.db, s.now().toISOString(), input.name, input.courses);
  },
  previewBooking: async (input) => previewBooking(s, input, (await s.vpic?.decodeTyped(input.vin)) ?? null),
  bookAppointment: async (input) => {
    await s.jobs.whenIdle();
    return bookAppointment(s, input);
  },
  listAppointments: (input) => listAppointments(s, input),
  addToWaitingList: async (input) => {
    await s.jobs.whenIdle();
    return addToWaitingList(s, input);
  },
  moveAppointment: async (input) => {
    await s.jobs.whenIdle();
    return moveAppointment(s, input);
  },
  setAppointmentStatus: async (input) => {
    await s.jobs.whenIdle();
    return setAppointmentStatus(s, input);
  },
  completeAppointment: async (input) => {
    await s.jobs.whenIdle();
    return completeAppointment(s, input);
  },
});
