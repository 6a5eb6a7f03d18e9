// The page a returning subscriber sees on every visit, `/`, is saved as HTML
// by `cargo xtask dist` as a frame true for every visitor — the header
// without links, the heading and welcome every subscriber's home shows,
// «Загрузка…» where the accounts will be and the footer held back until they
// are there — so it paints before the app has arrived. A visitor
// who is not signed in is sent to /login by early.js before the app loads.
// Release build only (`trunk serve` prerenders nothing).
import { expect, test } from './support/fixtures';
import { SAVED, holdApp, homeHeading, layoutShifts, subscriberWithAccounts, takenOver } from './support/kabinet';

const VORONEZH = 'Межрегионгаз Воронеж';
const WELCOME = 'Уважаемый абонент! Добро пожаловать в Личный кабинет поставщика услуг.';

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
    await expect(page.getByText(WELCOME)).toBeVisible();
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
