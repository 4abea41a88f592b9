// The appointments domain: the service lane's bookings, its technicians and their courses, and
// completing the work (training gates, a different verifier, parts leaving stock, a claim line).
import { z } from '../lazy-zod';
import { isoDate } from '../bulletin';
import { defineEffects, defineOperations, read, write } from '../contract';
import { ADVISORS, MANAGERS } from '../accounts/roles';
import { CampaignHit } from '../lookup/contract';
import { FreeText, PersonName, Reason } from '../parts/fields';
import { CampaignCode, Empty, Vin } from '../schemas';

export const AppointmentStatus = z.enum(['booked', 'arrived', 'completed', 'no-show', 'cancelled']);

/** A local date and time as the lane writes it; a day that does not exist is refused. */
export const AppointmentTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, {
    message: 'the time must be written YYYY-MM-DDTHH:MM: the day, a T, then the hour and minute (09:30 on 25 March is YYYY-03-25T09:30)',
    abort: true,
  })
  .refine((s) => isoDate.safeParse(s.slice(0, 10)).success, 'that day does not exist in the calendar');

const Course = z.string().trim().min(2, 'name the course, e.g. "LIC206A - Electrical Repair 1"').max(160);

export const Technician = z.object({ id: z.number().int(), name: z.string(), courses: z.array(z.string()) });

/** What the booking screen shows of the vehicle: one builder (main/appointments/vehicle.ts) fills it from a lookup. */
export const VehicleSummary = z.object({
  vin: z.string(),
  modelYear: z.number().int(),
  model: z.string().nullable(),
  modelSource: z.string().nullable(),
  productionMonth: z.string().nullable(),
  /** e.g. "2023 LC (from the dealer's record)"; one line for a header. */
  description: z.string(),
  record: z
    .object({ stockNumber: z.string().nullable(), condition: z.string().nullable(), inStock: z.boolean(), lastServiceDate: z.string().nullable() })
    .nullable(),
});

export const CampaignOffer = z.object({
  code: z.string(),
  title: z.string(),
  /** Remedy available for this vehicle (a launched phase, or on the imported affected list, and every part released). */
  available: z.boolean(),
  /** Why not, in words; null when available. */
  warning: z.string().nullable(),
  certainty: CampaignHit.shape.certainty,
  /** NHTSA's advisories (do not drive, park outside, stop sale): shown beside the offer, before any date is chosen. */
  severity: CampaignHit.shape.severity,
  completed: z.boolean(),
  /**
   * Where the remedy is not available but the bulletin offers goodwill for it (a later phase, a lost
   * only key or an urgent need: 23LJ01 FAQ Q13), where it says so ("23LJ01 FAQ Q13"); null otherwise.
   * Never where no part is released or no repair exists: such a vehicle goes on the waiting list.
   */
  goodwill: z.string().nullable(),
  /** An open (booked or arrived) appointment already holding this campaign for the VIN. */
  openAppointment: z.object({ id: z.number().int(), at: z.string() }).nullable(),
  flatRateHours: z.number().nullable(),
  minutes: z.number().nullable(),
});

export const BookingPreview = z.object({ vehicle: VehicleSummary, campaigns: z.array(CampaignOffer) });

export const Appointment = z.object({
  id: z.number().int(),
  vin: z.string(),
  at: z.string(),
  status: AppointmentStatus,
  model: z.string().nullable(),
  productionMonth: z.string().nullable(),
  goodwillReason: z.string().nullable(),
  campaigns: z.array(z.object({ code: z.string(), remedyAvailable: z.boolean(), warning: z.string().nullable() })),
  /** Flat-rate hours of the booked work; null where a bulletin states none. */
  flatRateHours: z.number().nullable(),
  minutes: z.number().nullable(),
  /** Campaigns whose bulletin states no time, so the day's totals say they are incomplete. */
  unknownTime: z.array(z.string()),
  technician: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  repairOrder: z.string().nullable(),
  completedOn: z.string().nullable(),
});

export const DayPlan = z.object({
  date: z.string(),
  appointments: z.number().int(),
  flatRateHours: z.number(),
  minutes: z.number(),
  unknownTime: z.array(z.string()),
});

/** The free slots of a day: the technicians' hours (opening hours x technicians) less the flat-rate hours booked. */
export const FreeSlots = z.object({
  date: z.string(),
  /** The opening hours set in Settings; null: none set (then no slots are offered, and the note says so). */
  opening: z.object({ opens: z.string(), closes: z.string() }).nullable(),
  technicians: z.number().int(),
  slotMinutes: z.number().int(),
  capacityHours: z.number(),
  bookedHours: z.number(),
  freeHours: z.number(),
  /** The work the slots are for, in flat-rate hours (the campaigns chosen; one slot when none). */
  needHours: z.number(),
  /** Each start where a technician is free for the whole work, and how many are. */
  slots: z.array(z.object({ at: z.string(), free: z.number().int() })),
  /** No technician is free for the work at any time of the day. */
  full: z.boolean(),
  /** Why there are no slots (no opening hours, no technicians, a day gone, a full day), in words; null when there are. */
  note: z.string().nullable(),
  /** Campaigns booked that day whose bulletin states no time: each counted as one slot. */
  unknownTime: z.array(z.string()),
});

const VehicleFacts = {
  vin: Vin,
  model: z.string().trim().max(40).nullish(),
  productionMonth: z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'production month must be written YYYY-MM, e.g. 2022-12 (door-jamb label)')
    .nullish(),
};

export const appointmentOperations = defineOperations({
  listTechnicians: {
    input: Empty,
    output: z.object({
      technicians: z.array(Technician),
      /** The courses a technician is given from: those the library's bulletins require, then the dealer's own. */
      courses: z.array(z.object({ name: z.string(), requiredBy: z.array(z.string()) })),
    }),
  },
  addTechnician: {
    input: z.object({
      name: PersonName,
      /** Chosen from the known courses (spelled as the bulletin spells them). */
      courses: z.array(Course).max(50).default([]),
      /** A course of the dealer's own that no bulletin requires, added to the list. */
      otherCourses: z.array(Course).max(20).default([]),
    }),
    output: Technician,
  },
  previewBooking: { input: z.object(VehicleFacts), output: BookingPreview },
  bookAppointment: {
    input: z.object({
      ...VehicleFacts,
      campaigns: z.array(CampaignCode).min(1, 'book at least one campaign, e.g. 23LJ01').max(20),
      at: AppointmentTime,
      goodwill: Reason.nullish(),
    }),
    output: z.object({ id: z.number().int(), warnings: z.array(z.string()), vehicle: VehicleSummary }),
  },
  freeSlots: {
    input: z.object({
      date: isoDate,
      hours: z.number().positive('the work takes more than 0 hours').max(24, 'the work takes at most 24 hours').nullish(),
    }),
    output: FreeSlots,
  },
  listAppointments: {
    input: z.object({ from: isoDate.nullish(), to: isoDate.nullish() }),
    output: z.object({ appointments: z.array(Appointment), days: z.array(DayPlan) }),
  },
  addToWaitingList: {
    input: z.object({ vin: Vin, campaign: CampaignCode, note: FreeText.nullish(), by: PersonName }),
    output: z.object({ id: z.number().int(), vin: z.string(), campaign: z.string(), addedAt: z.string() }),
  },
  moveAppointment: {
    input: z.object({ id: z.number().int().positive(), at: AppointmentTime }),
    output: z.object({ appointment: Appointment, warnings: z.array(z.string()) }),
  },
  setAppointmentStatus: {
    input: z.object({ id: z.number().int().positive(), status: z.enum(['arrived', 'no-show', 'cancelled']) }),
    output: Appointment,
  },
  completeAppointment: {
    input: z.object({
      id: z.number().int().positive(),
      technician: PersonName,
      verifiedBy: PersonName,
      /** With staff accounts, the verifier confirms with their own password on the same screen. */
      verifierPassword: z.string().max(200).nullish(),
      repairOrder: FreeText.nullish(),
    }),
    output: z.object({
      appointment: Appointment,
      claimIds: z.array(z.number().int()),
      partsUsed: z.array(z.object({ part: z.string(), quantity: z.number().int(), vin: z.string().nullable() })),
    }),
  },
});

export const appointmentEffects = defineEffects(appointmentOperations, {
  listTechnicians: read(['technicians'], 'see the technicians'),
  addTechnician: write(['technicians'], 'change the technicians', MANAGERS),
  previewBooking: read(['lookup', 'appointments', 'library', 'vehicles'], 'look up a vehicle to book'),
  bookAppointment: write(['appointments', 'stock', 'reports'], 'book appointments', ADVISORS),
  freeSlots: read(['appointments', 'technicians', 'settings'], 'see the free slots of a day'),
  listAppointments: read(['appointments'], 'see the appointments'),
  addToWaitingList: write(['appointments', 'reports'], 'put vehicles on the waiting list', ADVISORS, 'by'),
  moveAppointment: write(['appointments', 'stock', 'reports'], 'move appointments', ADVISORS),
  setAppointmentStatus: write(['appointments', 'stock', 'reports'], 'change appointments', ADVISORS),
  completeAppointment: write(['appointments', 'stock', 'vehicles', 'claims', 'lookup', 'reports'], 'complete appointments', ADVISORS),
});

export type Appointment = z.output<typeof Appointment>;
export type DayPlan = z.output<typeof DayPlan>;
export type FreeSlots = z.output<typeof FreeSlots>;
export type Technician = z.output<typeof Technician>;
export type VehicleSummary = z.output<typeof VehicleSummary>;
export type BookingPreview = z.output<typeof BookingPreview>;
export type CampaignOffer = z.output<typeof CampaignOffer>;
