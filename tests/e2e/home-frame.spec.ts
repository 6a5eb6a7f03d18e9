// The page a returning subscriber sees on every visit, `/`, is saved as HTML
// by `cargo xtask dist` as a frame true for every visitor — the header
// without links, the heading every subscriber's home shows, «Загрузка…»
// where the accounts will be and the footer held back until they are
// there — so it paints before the app has arrived. A visitor
// who is not signed in is sent to /login by early.js before the app loads.
// The accounts come first, right under the heading: on a phone the first
// balance is read without scrolling; the welcome follows them (or, without
// accounts, leads to «Подключить ЛС»).
// Release build only (`trunk serve` prerenders nothing).
import { expect, test } from './support/fixtures';
import { SAVED, WELCOME, holdApp, homeHeading, layoutShifts, subscriberWithAccounts, takenOver } from './support/kabinet';

const VORONEZH = 'Межрегионгаз Воронеж';
const KIROV = 'Межрегионгаз Киров';

for (const [who, accounts] of [
  ['with an account', [[VORONEZH, '3600000001']]],
  ['with no account yet', []],
] as const) {
  test(`/ signed in (${who}) paints its frame before the app has arrived, and nothing moves when the app takes over`, async ({
    page,
    request,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await subscriberWithAccounts(page, request, accounts as unknown as [string, string][]);
    const release = await holdApp(page);
    await page.goto('/');
    await expect(homeHeading(page)).toBeVisible();
    await expect(page.getByText('Загрузка…')).toBeVisible();
    await expect(page.locator(SAVED).first()).toBeAttached();
    await expect(page.getByRole('contentinfo')).toBeHidden();
    // Nothing in the frame that is untrue for some visitor.
    await expect(page.getByRole('link', { name: 'Вход' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Меню' })).toHaveCount(0);
    release();
    await takenOver(page);
    await expect(page.getByRole('button', { name: 'Меню' })).toBeVisible();
    if (accounts.length) await expect(page.getByRole('heading', { name: /3600000001/ })).toBeVisible();
    else await expect(page.getByRole('link', { name: 'Подключить ЛС' })).toBeVisible();
    await expect(page.getByText(WELCOME)).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    expect(await layoutShifts(page), 'layout shift from the frame to the home page').toBe(0);
  });
}

test('a visitor who is not signed in is sent from / to /login before the app has loaded', async ({ page }) => {
  // The app never arrives: only early.js can have sent the visitor on.
  await holdApp(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?next=%2F$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Вход в Личный кабинет' })).toBeVisible();
});

test('on a phone the accounts come first: the first balance is read without scrolling, the welcome after the cards', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await subscriberWithAccounts(page, request, [
    [VORONEZH, '3600000001'],
    [KIROV, '4300000002'],
  ]);
  await page.goto('/');
  await takenOver(page);
  const first = page.getByRole('article').first();
  const balance = first.getByText(/^Задолженность|^Переплата|^Задолженности нет/);
  await expect(balance).toBeVisible();
  const box = (await balance.boundingBox())!;
  expect(box.y + box.height, 'the first balance, within the first 300 px').toBeLessThan(300);
  // The welcome is still there, after the cards.
  const welcome = page.getByText(WELCOME);
  await expect(welcome).toBeVisible();
  const lastCard = (await page.getByRole('article').last().boundingBox())!;
  expect((await welcome.boundingBox())!.y).toBeGreaterThan(lastCard.y + lastCard.height);
});
