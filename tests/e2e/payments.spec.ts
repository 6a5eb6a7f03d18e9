// Online payment through the reference server's fake gateway.
import { API_URL, expect, test, type Page } from './support/fixtures';
import { expectAccessible, previousReading, readingShown, readingText, subscriberWithAccounts } from './support/kabinet';

const VORONEZH = 'Межрегионгаз Воронеж';
const KIROV = 'Межрегионгаз Киров';

// The subscribers of these suppliers live in Moscow time (UTC+3, no summer time).
test.use({ timezoneId: 'Europe/Moscow' });

/** The outcome panel of a paid payment, its sum the first line of its list. */
async function expectPaid(page: Page, sum: string) {
  const panel = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Оплата прошла успешно' }) });
  await expect(panel.locator('dd').first()).toHaveText(sum);
  return panel;
}

async function openPay(page: Page, number: string): Promise<void> {
  await page.getByRole('link', { name: 'Главная' }).click();
  const card = page.getByRole('article').filter({ hasText: `Лицевой счет № ${number}` });
  await card.getByRole('link', { name: 'Оплата онлайн' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Оплата онлайн' })).toBeVisible();
}

/** The rows of the account page's payment history; `status` picks those whose tag says it. */
function paymentRows(page: Page, status?: string) {
  const rows = page.getByRole('region', { name: 'Платежи', exact: true }).getByRole('listitem');
  return status ? rows.filter({ has: page.locator('.tag', { hasText: new RegExp(`^${status}$`) }) }) : rows;
}

/** The sum in large type on the account's balance panel. */
const balanceSum = (page: Page) => page.getByRole('region', { name: 'Баланс', exact: true }).locator('.balance-sum');

/** Counts the payments the app creates. */
function countPayments(page: Page): { created: number } {
  const seen = { created: 0 };
  page.on('response', (r) => {
    if (/\/api\/v1\/accounts\/[^/]+\/payments$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST' && r.status() === 201) {
      seen.created += 1;
    }
  });
  return seen;
}

test('pay the debt: the gateway, then back to a paid status, and the account shows it', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await openPay(page, '3600000001');
  const debt = page.getByLabel('оплата по текущему долгу');
  await expect(debt).toBeChecked();
  await expect(page.getByText('оплата по текущему долгу: 1 234,56 ₽')).toBeVisible();
  // The page names who receives the money.
  await expect(page.locator('dt', { hasText: 'Получатель платежа' }).locator('+ dd')).toHaveText(VORONEZH);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Перейти к оплате' }).click();

  // The fake gateway of the reference server, on plain http: it claims no
  // secure connection.
  await expect(page).toHaveURL(/\/dev\/pay\//);
  await expect(page.getByText('1 234,56')).toBeVisible();
  await expect(page.getByText('Защищённое соединение')).toHaveCount(0);
  await page.getByRole('button', { name: 'Оплатить' }).click();

  await expect(page).toHaveURL(/\/payments\/[^/]+$/);
  // A confirmation: the sum, the payment's number, its date and time on the
  // subscriber's clock, and what happens next.
  const panel = await expectPaid(page, '1 234,56 ₽');
  await expect(panel.locator('dt')).toHaveText(['Сумма', 'Номер платежа', 'Дата и время']);
  const id = new URL(page.url()).pathname.split('/').pop()!;
  const payment = (await (await page.request.get(`${API_URL}/api/v1/payments/${id}`)).json()) as { created_at: string; number: string };
  // The number a subscriber can read aloud («2026-000123»), the API's own
  // `number`, not its 32-hex id.
  expect(payment.number).toMatch(/^\d{4}-\d{6,}$/);
  await expect(panel.locator('dd').nth(1)).toHaveText(payment.number);
  const numberBox = await panel.locator('dd').nth(1).boundingBox();
  expect(numberBox!.height).toBeLessThan(40); // one line
  const created = new Date(payment.created_at);
  const moscow = new Date(created.getTime() + 3 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  await expect(panel.locator('dd').nth(2)).toHaveText(
    `${pad(moscow.getUTCDate())}.${pad(moscow.getUTCMonth() + 1)}.${moscow.getUTCFullYear()}, ${pad(moscow.getUTCHours())}:${pad(moscow.getUTCMinutes())}`,
  );
  await expect(panel.getByRole('heading', { name: 'Что дальше' })).toBeVisible();
  await expect(panel).toContainText('Поставщик учтёт платёж в течение нескольких дней');
  await expectAccessible(page);

  // The success ends with its action: back to the account.
  await panel.getByRole('link', { name: 'К лицевому счету', exact: true }).click();
  await expect(page.getByText('Оплачено сегодня через Личный кабинет: 1 234,56 ₽.')).toBeVisible();
  await expect(paymentRows(page, 'оплачен').filter({ hasText: '1 234,56 ₽' })).toBeVisible();
  // The supplier books it later: the balance itself is unchanged.
  await expect(balanceSum(page)).toHaveText('1 234,56 ₽');
});

test('pay an own amount; bad amounts are explained and kept', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await openPay(page, '3600000001');
  await page.getByLabel('по самостоятельно внесённой сумме').check();
  const amount = page.getByLabel('Сумма', { exact: true });
  const go = page.getByRole('button', { name: 'Перейти к оплате' });
  const summary = page.getByRole('alert').filter({ hasText: 'Проверьте введённые данные' });
  for (const [typed, message] of [
    ['', 'Введите сумму оплаты.'],
    ['0', 'Сумма оплаты должна быть больше нуля.'],
    ['-5', 'Сумма оплаты должна быть больше нуля.'],
    ['сто', 'Введите сумму числом, например 100,50.'],
    ['1,234', 'После запятой — не больше двух цифр (копейки), например 100,50.'],
    ['100000,01', 'Сумма оплаты не может превышать 100 000,00 ₽.'],
  ]) {
    await amount.fill(typed);
    await go.click();
    await expect(summary.getByRole('link', { name: message })).toBeVisible();
    await expect(amount).toHaveAttribute('aria-invalid', 'true');
    await expect(amount).toHaveValue(typed);
  }
  await expectAccessible(page);
  await amount.fill('100,50');
  await go.click();
  await expect(page).toHaveURL(/\/dev\/pay\//);
  await page.getByRole('button', { name: 'Оплатить' }).click();
  await expectPaid(page, '100,50 ₽');
});

test('no debt: the debt option says so and is not offered', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[KIROV, '4300000002']]);
  await openPay(page, '4300000002');
  await expect(page.getByText('Переплата: 100,00 ₽')).toBeVisible();
  await expect(page.getByText('Задолженности нет, оплата по текущему долгу не требуется.')).toBeVisible();
  await expect(page.getByLabel('оплата по текущему долгу')).toHaveCount(0);
  // One choice is no choice: no radio group of one, the amount at once.
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.getByLabel('Сумма', { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test('the amount and the readings are revealed right under the choice that asks for them', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await openPay(page, '3600000001');
  // The question is a heading, not a framed box.
  const group = page.getByRole('group', { name: 'Что оплатить' });
  await expect(group.getByRole('heading', { level: 2, name: 'Что оплатить' })).toBeVisible();
  await expect(group).toHaveCSS('border-top-width', '0px');
  const amount = page.getByLabel('Сумма', { exact: true });
  await expect(amount).toHaveCount(0);
  const own = page.getByLabel('по самостоятельно внесённой сумме');
  await own.check();
  await expect(amount).toBeVisible();
  // Directly under its radio, indented past it, with a rule on its left.
  const radio = (await own.boundingBox())!;
  const reveal = page.locator('.reveal').filter({ has: amount });
  const box = (await reveal.boundingBox())!;
  expect(box.y - (radio.y + radio.height)).toBeGreaterThanOrEqual(0);
  expect(box.y - (radio.y + radio.height)).toBeLessThan(24);
  expect(box.x).toBeGreaterThan(radio.x);
  await expect(reveal).not.toHaveCSS('border-left-width', '0px');
  await amount.fill('100');
  await expectAccessible(page);
  // The other choice hides it (what was typed is kept for a change of mind).
  await page.getByLabel('оплата по текущему долгу').check();
  await expect(amount).toHaveCount(0);
  await own.check();
  await expect(amount).toHaveValue('100');

  const readings = page.getByLabel('передать показания при оплате');
  const reading = page.getByLabel(/счетчик №/);
  await expect(reading).toHaveCount(0);
  await readings.check();
  const checkbox = (await readings.boundingBox())!;
  const meters = (await page.locator('.reveal').filter({ has: reading }).boundingBox())!;
  expect(meters.y - (checkbox.y + checkbox.height)).toBeGreaterThanOrEqual(0);
  expect(meters.y - (checkbox.y + checkbox.height)).toBeLessThan(24);
  await readings.uncheck();
  await expect(reading).toHaveCount(0);
});

test('a payment still waiting for the gateway: a panel that says so, its number and the way back to the gateway', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await openPay(page, '3600000001');
  await page.getByRole('button', { name: 'Перейти к оплате' }).click();
  await expect(page).toHaveURL(/\/dev\/pay\//);
  const id = new URL(page.url()).pathname.split('/').pop()!;
  const payment = (await (await page.request.get(`${API_URL}/api/v1/payments/${id}`)).json()) as { number: string };
  // Back in the cabinet before paying: the payment is still pending.
  await page.goto(`/payments/${id}`);
  const pending = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Ожидаем подтверждения оплаты' }) });
  await expect(pending).toContainText('Платёж на 1 234,56 ₽ ожидает подтверждения платёжной системой.');
  await expect(pending.locator('dd')).toHaveText(payment.number);
  await expectAccessible(page);
  await pending.getByRole('link', { name: 'Вернуться на страницу оплаты' }).click();
  await page.getByRole('button', { name: 'Оплатить' }).click();
  await expectPaid(page, '1 234,56 ₽');
});

test('pay with readings: the reading is recorded when the payment succeeds', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await openPay(page, '3600000001');
  await page.getByLabel('передать показания при оплате').check();
  const reading = page.getByLabel(/счетчик №/);
  const next = (await previousReading(page)) + 4500;
  await reading.fill(readingText(next));
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Перейти к оплате' }).click();
  await page.getByRole('button', { name: 'Оплатить' }).click();
  await expect(page.getByRole('heading', { name: 'Оплата прошла успешно' })).toBeVisible();
  await page.getByRole('link', { name: '← к лицевому счету' }).click();
  await expect(page.getByText(`Последние показания: ${readingShown(next)} м³`, { exact: false })).toBeVisible();
});

test('cancel at the gateway: nothing paid, and a new try is possible', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await openPay(page, '3600000001');
  await page.getByRole('button', { name: 'Перейти к оплате' }).click();
  await page.getByRole('button', { name: 'Отменить' }).click();
  const cancelled = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Оплата отменена' }) });
  await expect(cancelled).toContainText('Оплата на 1 234,56 ₽ отменена. Деньги не списаны.');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Попробовать ещё раз' }).click();
  await page.getByRole('button', { name: 'Перейти к оплате' }).click();
  await expect(page).toHaveURL(/\/dev\/pay\//);
  await page.getByRole('button', { name: 'Оплатить' }).click();
  await expectPaid(page, '1 234,56 ₽');
});

test('a double click makes one payment', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await openPay(page, '3600000001');
  const seen = countPayments(page);
  // Slow the API down so that the second click lands while the first is in flight.
  await page.route('**/api/v1/accounts/*/payments', async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await page.getByRole('button', { name: 'Перейти к оплате' }).dblclick();
  await expect(page).toHaveURL(/\/dev\/pay\//);
  expect(seen.created).toBe(1);
  await page.getByRole('button', { name: 'Оплатить' }).click();
  await page.getByRole('link', { name: '← к лицевому счету' }).click();
  await expect(paymentRows(page, 'оплачен')).toHaveCount(1);
});

test('a network failure while paying: told it is safe to retry, and the retry makes no second payment', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await openPay(page, '3600000001');
  // The payment is made, but the answer never reaches the browser.
  let dropped = false;
  await page.route('**/api/v1/accounts/*/payments', async (route) => {
    if (route.request().method() !== 'POST' || dropped) return route.continue();
    dropped = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await page.getByRole('button', { name: 'Перейти к оплате' }).click();
  await expect(page.getByText(/второй платёж не создаётся/)).toBeVisible();
  await page.getByRole('button', { name: 'Перейти к оплате' }).click();
  await expect(page).toHaveURL(/\/dev\/pay\//);
  await page.getByRole('button', { name: 'Оплатить' }).click();
  await page.getByRole('link', { name: '← к лицевому счету' }).click();
  await expect(paymentRows(page).filter({ hasText: '1 234,56 ₽' })).toHaveCount(1);
});

test('the back button after paying never pays twice', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await openPay(page, '3600000001');
  await page.getByRole('button', { name: 'Перейти к оплате' }).click();
  await page.getByRole('button', { name: 'Оплатить' }).click();
  await expect(page.getByRole('heading', { name: 'Оплата прошла успешно' })).toBeVisible();
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Оплата онлайн' })).toBeVisible();
  await page.getByRole('button', { name: 'Перейти к оплате' }).click();
  // The same payment again, already paid: no gateway, its status.
  await expectPaid(page, '1 234,56 ₽');
  await page.getByRole('link', { name: '← к лицевому счету' }).click();
  await expect(paymentRows(page, 'оплачен')).toHaveCount(1);
});

test('the history tags each payment with its status in words, readable in every colour', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await openPay(page, '3600000001');
  const account = page.url().replace(/\/pay$/, '');
  // Cancelled at the gateway, then paid, then one left waiting at the gateway.
  await page.getByRole('button', { name: 'Перейти к оплате' }).click();
  await page.getByRole('button', { name: 'Отменить' }).click();
  await page.getByRole('link', { name: 'Попробовать ещё раз' }).click();
  await page.getByRole('button', { name: 'Перейти к оплате' }).click();
  await page.getByRole('button', { name: 'Оплатить' }).click();
  await expect(page).toHaveURL(/\/payments\//);
  await page.goto(`${account}/pay`);
  await page.getByLabel('по самостоятельно внесённой сумме').check();
  await page.getByLabel('Сумма', { exact: true }).fill('100');
  await page.getByRole('button', { name: 'Перейти к оплате' }).click();
  await expect(page).toHaveURL(/\/dev\/pay\//);
  await page.goto(account);

  await expect(paymentRows(page)).toHaveCount(3);
  await expect(paymentRows(page, 'ожидает подтверждения')).toContainText('100,00 ₽');
  await expect(paymentRows(page, 'оплачен')).toContainText('1 234,56 ₽');
  await expect(paymentRows(page, 'отменён')).toContainText('1 234,56 ₽');
  // Three looks, each with its words; axe checks the contrast of each.
  const looks = await paymentRows(page).locator('.tag').evaluateAll((tags) =>
    tags.map((t) => getComputedStyle(t).backgroundColor),
  );
  expect(new Set(looks).size).toBe(3);
  await expectAccessible(page);
});
