// The card's next steps once a CPOR request exists: the bulletin's ordering step gives way to the CPOR line.
import { expect, test } from 'vitest';
import { nextSteps, withListedPart } from '../../shared/parts/next-steps';

const ORDER = "Order this VIN's key through CPOR (part 04002-****, the exact number is per VIN; MAC code C: CPOR, D: see the MAC report).";
const BOOK = 'Book 45 minutes; the guest brings the vehicle and the original Smart Key.';
const BULLETIN = {
  actions: [
    { role: 'advisor', text: 'Verify eligibility through TIS/SLP before providing a second key.' },
    { role: 'parts', text: ORDER },
    { role: 'advisor', text: BOOK },
  ],
  parts: [{ partNumber: '04002-****', partNumberPerVin: true }],
};
const LISTED = { partNumber: '04002-12345', date: '2026-11-20' };

test('with no request, the bulletin steps stand as they are', () => {
  expect(nextSteps([ORDER, BOOK], BULLETIN, [], null)).toEqual([ORDER, BOOK]);
});

test('once the key is requested (to place, on order or received), its ordering step gives way to the CPOR line, in its place', () => {
  expect(nextSteps([ORDER, BOOK], BULLETIN, ['key'], null)).toEqual(['The key is requested: see CPOR above.', BOOK]);
  expect(nextSteps([BOOK, ORDER], BULLETIN, ['key', 'key'], null)).toEqual([BOOK, 'The keys are requested: see CPOR above.']);
  expect(nextSteps([ORDER], BULLETIN, ['part', 'key'], null)).toEqual(['The parts are requested: see CPOR above.']);
});

test('steps of other roles, and a hit without the ordering step, are left alone', () => {
  expect(nextSteps([BOOK], BULLETIN, ['key'], null)).toEqual([BOOK]);
  expect(nextSteps(['Completed here on 2026-12-07: nothing to do.'], BULLETIN, ['key'], null)).toEqual(['Completed here on 2026-12-07: nothing to do.']);
});

test('a VIN its list numbers reads its own number in the ordering step, and that step still gives way to its request', () => {
  const mine = withListedPart(ORDER, ['04002-****'], LISTED);
  expect(mine).toBe(
    "Order this VIN's key through CPOR (part 04002-12345, this VIN’s number on the affected-VIN list of 2026-11-20, the exact number is per VIN; MAC code C: CPOR, D: see the MAC report).",
  );
  expect(withListedPart(ORDER, ['04002-****'], { partNumber: null, date: '2026-11-20' })).toBe(ORDER);
  expect(withListedPart(BOOK, ['04002-****'], LISTED)).toBe(BOOK);
  expect(nextSteps([mine, BOOK], BULLETIN, [], LISTED)).toEqual([mine, BOOK]);
  expect(nextSteps([mine, BOOK], BULLETIN, ['key'], LISTED)).toEqual(['The key is requested: see CPOR above.', BOOK]);
});
