// The card's next steps once a CPOR request exists: the bulletin's ordering step gives way to the CPOR line.
import { expect, test } from 'vitest';
import { nextSteps } from '../../shared/parts/next-steps';

const ORDER = "Order this VIN's key through CPOR (part 04002-****, the exact number is per VIN; MAC code C: CPOR, D: see the MAC report).";
const BOOK = 'Book 45 minutes; the guest brings the vehicle and the original Smart Key.';
const BULLETIN = [
  { role: 'advisor', text: 'Verify eligibility through TIS/SLP before providing a second key.' },
  { role: 'parts', text: ORDER },
  { role: 'advisor', text: BOOK },
];

test('with no request, the bulletin steps stand as they are', () => {
  expect(nextSteps([ORDER, BOOK], BULLETIN, [])).toEqual([ORDER, BOOK]);
});

test('once the key is requested (to place, on order or received), its ordering step gives way to the CPOR line, in its place', () => {
  expect(nextSteps([ORDER, BOOK], BULLETIN, ['key'])).toEqual(['The key is requested: see CPOR above.', BOOK]);
  expect(nextSteps([BOOK, ORDER], BULLETIN, ['key', 'key'])).toEqual([BOOK, 'The keys are requested: see CPOR above.']);
  expect(nextSteps([ORDER], BULLETIN, ['part', 'key'])).toEqual(['The parts are requested: see CPOR above.']);
});

test('steps of other roles, and a hit without the ordering step, are left alone', () => {
  expect(nextSteps([BOOK], BULLETIN, ['key'])).toEqual([BOOK]);
  expect(nextSteps(['Completed here on 2026-12-07: nothing to do.'], BULLETIN, ['key'])).toEqual(['Completed here on 2026-12-07: nothing to do.']);
});
