import fs from 'node:fs';
import path from 'node:path';
import { BUILT_IN_DOCUMENTS } from '../../main/campaigns/library/documents';
import { expect, shot, test } from './fixtures';

test('the library lists every campaign with its newest revision, and a detail shows the bulletin', async ({ app }) => {
  await app.keyboard.press('F3');
  const list = app.getByRole('region', { name: 'Campaigns' });
  await expect(list.getByRole('button')).toHaveText([
    /Import bulletin/,
    /New campaign/,
    /Import NHTSA recall file/,
    /23LJ01.*Second Key Delivery Program.*2024-01-31/,
    /ALE.*Valve Spring.*2010-07-06/,
    /BLC.*Carpet.*2011-12-19/,
  ]);
  await list.getByRole('button', { name: /ALE/ }).click();
  const detail = app.getByTestId('campaign-detail');
  await expect(detail.getByRole('heading', { name: 'VIN ranges (18)' })).toBeVisible();
  await expect(detail.getByRole('row', { name: /LS 600h L 2008 JTH DU46F 5000202 5009305 2,059/ })).toBeVisible();
  await expect(detail.getByText('Parts not released')).toBeVisible();
  await expect(detail.getByText('Internal only: never give to guests')).toHaveCount(2);
  await expect(detail).toContainText('Q16');
  await shot(app, '06-library-ale');

  await list.getByRole('button', { name: /23LJ01/ }).click();
  await expect(detail.getByRole('cell', { name: '23LJ01R1' })).toBeVisible();
  await expect(detail).toContainText('LIC206A - Electrical Repair 1');
  await expect(detail).toContainText('LC-JP 2022-12 → phase 1');
  // Where the letter's program table states a window otherwise than the chart, the detail says so.
  await expect(detail.getByRole('row', { name: /^LC 2023 Japan 2022-11-07 2022-12-28/ })).toContainText(
    `Stated otherwise in the dealer letter's program table ("Late October 2022 - Late December 2022") (months 2022-10 to 2022-12).`,
  );
  await expect(detail.getByRole('row', { name: /Certified pre-owned Do not deliver until remedied/ })).toBeVisible();
  await expect(detail.getByRole('row', { name: /Phase 6 Announcement expected/ })).toBeVisible();
  await shot(app, '07-library-23lj01');
});

test('a lookup card opens its campaign in the library', async ({ app }) => {
  await app.getByLabel('Scan or type a VIN').fill('JTHBE96S170007930');
  await app.keyboard.press('Enter');
  await app.getByRole('button', { name: 'Open ALE in the library' }).click();
  await expect(app.getByTestId('campaign-detail').getByRole('heading', { level: 2 })).toHaveText('ALE Valve Spring');
});

test('importing a bulletin: a bad file lists its problems and changes nothing; a newer revision is loaded', async ({ app, server }) => {
  await app.getByRole('button', { name: /Campaign library/ }).click();
  const bad = structuredClone(BUILT_IN_DOCUMENTS[2]) as Record<string, any>;
  bad.revisionDate = '2024-31-03';
  bad.vinRanges = [{ model: 'LC', modelYear: 2023, wmi: 'JTH', vds: 'KPAAY', serialFrom: '0000009', serialTo: '0000001' }];
  const badFile = path.join(server.dir, 'bad-23LJ01.json');
  fs.writeFileSync(badFile, JSON.stringify(bad));
  await app.getByTestId('bulletin-file').setInputFiles(badFile);
  const notice = app.getByTestId('library-notice');
  await expect(notice).toContainText('bad-23LJ01.json was not imported: 2 problems in the file. Nothing was changed.');
  await expect(notice).toContainText('revisionDate: is not a real calendar date');
  await expect(notice).toContainText('vinRanges[0].serialTo: serialFrom must not be after serialTo');
  await shot(app, '08-import-rejected');

  const good = structuredClone(BUILT_IN_DOCUMENTS[2]) as Record<string, any>;
  good.revisionDate = '2024-03-28';
  good.revisionLabel = 'Update: phase 6 launched';
  good.phases[5].status = 'remedy-available';
  const goodFile = path.join(server.dir, '23LJ01-2024-03-28.json');
  fs.writeFileSync(goodFile, JSON.stringify(good));
  await app.getByTestId('bulletin-file').setInputFiles(goodFile);
  // Nothing is applied when the file is chosen: its impact first, then Apply.
  await expect(app.getByTestId('bulletin-preview')).toContainText('a newer revision (the library has 2024-01-31)');
  await expect(app.getByTestId('impact-summary')).toContainText('Impact:');
  await expect(app.getByTestId('data-status')).toContainText('newest bulletin 2024-01-31');
  await app.getByRole('button', { name: 'Apply 23LJ01 revision 2024-03-28' }).click();
  await expect(notice).toContainText('23LJ01 Second Key Delivery Program, revision 2024-03-28: updated (was 2024-01-31).');
  await expect(app.getByTestId('campaign-detail')).toContainText('Update: phase 6 launched, 2024-03-28');
  await expect(app.getByTestId('data-status')).toContainText('newest bulletin 2024-03-28');
});

test('search by code, title and model, filter by kind; with 300 campaigns the detail opens where the user is looking', async ({ app, server }) => {
  // 297 more campaigns, written by another process (as an import from the CLI would be).
  const { createApp } = await import('../../main/app');
  const { syntheticLibrary } = await import('../support/synthetic');
  const other = await createApp({ dbPath: path.join(server.dir, 'db.sqlite'), vpicPath: null });
  for (const b of syntheticLibrary(297, 2).bulletins) other.campaigns.upsert(b, 'imported');
  await other.close();

  await app.keyboard.press('F3');
  await expect(app.getByTestId('data-status')).toContainText('300 campaigns', { timeout: 10_000 });
  const list = app.getByRole('region', { name: 'Campaigns' });
  await expect(app.getByTestId('library-count')).toHaveText('300 campaigns');

  const search = list.getByLabel('Search campaigns');
  await search.fill('rx330');
  await expect(list.locator('.campaign-row')).toHaveText([/BLC/]);
  await search.fill('valve');
  await expect(list.locator('.campaign-row')).toHaveText([/ALE.*Valve Spring/]);
  await search.fill('23lj');
  await expect(list.locator('.campaign-row')).toHaveText([/23LJ01/]);
  await search.fill('');
  await list.getByLabel('Kind').selectOption('customer-program');
  await expect(list.locator('.campaign-row')).toHaveText([/23LJ01/]);
  await list.getByLabel('Kind').selectOption('all');
  await expect(app.getByTestId('library-count')).toHaveText('300 campaigns');

  // The last campaign of a long list: its detail is in the viewport, not 39,000 px above it.
  const last = list.locator('.campaign-row').last();
  await last.scrollIntoViewIfNeeded();
  await last.click();
  const detail = app.getByTestId('campaign-detail');
  await expect(detail.getByRole('heading', { level: 2 })).toContainText((await last.locator('.code').textContent()) ?? '');
  await expect(detail.getByRole('heading', { level: 2 })).toBeInViewport();

  await search.fill('S00042');
  await expect(app.getByTestId('library-count')).toHaveText('1 of 300 campaigns');
  await list.locator('.campaign-row').first().click();
  await expect(detail.getByRole('heading', { level: 2 })).toContainText('S00042');
  await search.fill('rx 330');
  await list.locator('.campaign-row').first().click();
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(/BLC/);
  await shot(app, '24-library-search');
});
