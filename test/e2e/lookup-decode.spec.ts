// The answer and the VIN's decode at the counter: both asked at once when a VIN is scanned, drawn
// once when both are in, the answer never held long for a slow decode, and a slow answer shown as
// busy. The server's answers are delayed in the browser (Playwright's request routing), so each case
// happens as written whatever the machine's load.
import type { Page, Route } from '@playwright/test';
import { scanKeys } from '../support/scanner';
import { expect, test } from './fixtures';

const GS_350 = 'JTHBE96S170007930';
const RX_330 = '2T2HA31U660012345';

type Decode = 'if-ready' | 'wait';
const decodeOf = (route: Route): Decode => JSON.parse(route.request().postData() ?? '{}').decode;
const vinOf = (route: Route): string => JSON.parse(route.request().postData() ?? '{}').vin;

/** Answers a lookup when `until` resolves (or after `maxMs`, whichever is first). */
async function answerWhen(route: Route, until: Promise<unknown>, maxMs: number): Promise<void> {
  const response = await route.fetch();
  await Promise.race([until, new Promise((ok) => setTimeout(ok, maxMs))]);
  await route.fulfill({ response });
}

/**
 * Sends a lookup to the server only when `until` resolves (or after `maxMs`): a decode the server has not
 * been asked for cannot be ready, whatever the load (answerWhen asks at once and holds only the answer,
 * and a decode made meanwhile is in the other request's answer, as it should be).
 */
async function sendWhen(route: Route, until: Promise<unknown>, maxMs: number): Promise<void> {
  await Promise.race([until, new Promise((ok) => setTimeout(ok, maxMs))]);
  await route.continue();
}

/** Every text the decode line showed for this VIN, in order, as the page drew it. */
async function watchDecodeLine(page: Page, vin: string): Promise<() => Promise<string[]>> {
  await page.evaluate((v) => {
    const seen: string[] = [];
    (window as unknown as { __decodeSeen: string[] }).__decodeSeen = seen;
    new MutationObserver(() => {
      if (!document.querySelector(`[data-testid="lookup-result"] figure[aria-label="VIN ${v}"]`)) return;
      const text = document.querySelector('[data-testid="decoded"]')?.textContent ?? '';
      if (seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, vin);
  return () => page.evaluate(() => (window as unknown as { __decodeSeen: string[] }).__decodeSeen);
}

test('a scan asks for the answer and for its decode at once; both in, the answer is drawn once, with the decode', async ({ app }) => {
  let fullAsked!: () => void;
  const fullAskedP = new Promise<void>((ok) => (fullAsked = ok));
  let fullAnswered!: () => void;
  const fullAnsweredP = new Promise<void>((ok) => (fullAnswered = ok));
  const order: string[] = [];
  await app.route('**/api/lookup', async (route) => {
    if (vinOf(route) !== RX_330) return route.continue();
    const decode = decodeOf(route);
    order.push(`asked ${decode}`);
    if (decode === 'wait') {
      fullAsked();
      return route.continue();
    }
    // The first answer waits until the answer with the decode was asked for and sent (at most 5 s).
    await answerWhen(
      route,
      fullAskedP.then(() => fullAnsweredP),
      5_000,
    );
    order.push('answered if-ready');
  });
  // Answered: its whole body has reached the page.
  app.on('requestfinished', (r) => {
    const body = JSON.parse(r.postData() ?? '{}');
    if (r.url().endsWith('/api/lookup') && body.vin === RX_330 && body.decode === 'wait') fullAnswered();
  });
  const seen = await watchDecodeLine(app, RX_330);
  await scanKeys(app, RX_330);
  await expect(app.getByTestId('decoded')).toContainText('NHTSA vPIC');
  // Asked together: the decode's question did not wait for the first answer.
  expect(order.slice(0, 2).sort()).toEqual(['asked if-ready', 'asked wait']);
  // Drawn once, with the decode: "Decoding..." never showed.
  const texts = await seen();
  expect(texts.some((t) => t.startsWith('Decoding'))).toBe(false);
  expect(texts.length).toBeGreaterThan(0);
});

test('the answer with the decode in first is drawn at once: not held for the answer without it, nor replaced by it', async ({ app }) => {
  let quickAnswered!: () => void;
  const quickAnsweredP = new Promise<void>((ok) => (quickAnswered = ok));
  // The answer without the decode is held 3 s (a busy PC can answer the two in either order).
  await app.route('**/api/lookup', async (route) => {
    if (vinOf(route) !== RX_330 || decodeOf(route) !== 'if-ready') return route.continue();
    await answerWhen(route, new Promise(() => {}), 3_000);
  });
  app.on('requestfinished', (r) => {
    const body = JSON.parse(r.postData() ?? '{}');
    if (r.url().endsWith('/api/lookup') && body.vin === RX_330 && body.decode === 'if-ready') quickAnswered();
  });
  const seen = await watchDecodeLine(app, RX_330);
  await scanKeys(app, RX_330);
  await expect(app.getByTestId('decoded')).toContainText('NHTSA vPIC', { timeout: 2_000 });
  await quickAnsweredP;
  await app.waitForTimeout(200);
  expect((await seen()).some((t) => t.startsWith('Decoding'))).toBe(false);
  await expect(app.getByTestId('decoded')).toContainText('NHTSA vPIC');
  await expect(app.getByLabel('Scan or type a VIN')).toHaveValue(RX_330);
});

test('a slow decode never holds the answer: it is drawn at once, says the decode follows, and the decode fills in', async ({ app }) => {
  let release!: () => void;
  const released = new Promise<void>((ok) => (release = ok));
  await app.route('**/api/lookup', async (route) => {
    if (vinOf(route) !== RX_330 || decodeOf(route) !== 'wait') return route.continue();
    await sendWhen(route, released, 30_000);
  });
  await scanKeys(app, RX_330);
  const result = app.getByTestId('lookup-result');
  await expect(result.getByRole('figure', { name: `VIN ${RX_330}` })).toBeVisible();
  await expect(app.getByTestId('decoded')).toContainText('Decoding the VIN (NHTSA vPIC)');
  // Without the decode, BLC asks which model; the answer is there to act on meanwhile.
  await expect(result.getByTestId('hit-BLC')).toBeVisible();
  release();
  await expect(app.getByTestId('decoded')).toContainText('NHTSA vPIC');
  await expect(app.getByTestId('decoded')).not.toContainText('Decoding');
  await expect(result).not.toHaveAttribute('aria-busy', 'true');
});

test('while a slow answer is on its way the previous answer is shown as busy, then replaced', async ({ app }) => {
  await scanKeys(app, GS_350);
  const result = app.getByTestId('lookup-result');
  await expect(result.getByRole('figure', { name: `VIN ${GS_350}` })).toBeVisible();
  await expect(result).not.toHaveAttribute('aria-busy', 'true');

  let release!: () => void;
  const released = new Promise<void>((ok) => (release = ok));
  await app.route('**/api/lookup', (route) => (vinOf(route) === RX_330 ? answerWhen(route, released, 30_000) : route.continue()));
  await scanKeys(app, RX_330);
  await expect(result).toHaveAttribute('aria-busy', 'true');
  await expect(result.getByRole('figure', { name: `VIN ${GS_350}` })).toBeVisible();
  release();
  await expect(result.getByRole('figure', { name: `VIN ${RX_330}` })).toBeVisible();
  await expect(result).not.toHaveAttribute('aria-busy', 'true');
  await expect(app.getByLabel('Scan or type a VIN')).toHaveValue(RX_330);
});

test('a VIN refused by both questions shows the one reason, and no stray error, whichever refusal comes first', async ({ app }) => {
  const bad = 'JTHBE96S17OOO7930';
  // The answer with the decode is refused first, the answer itself a moment later.
  await app.route('**/api/lookup', async (route) => {
    if (vinOf(route) === bad && decodeOf(route) === 'if-ready') return answerWhen(route, new Promise(() => {}), 300);
    return route.continue();
  });
  await app.getByLabel('Scan or type a VIN').fill(bad);
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('lookup-error')).toContainText('Position 11: "O" never appears in a VIN');
  // The fixture then finds no script error on the page (an unhandled refusal is one).
  await app.waitForTimeout(200);
});
