// Accounts: linking one from the receipt, the cards, the account page.
import { expect, test, type Locator } from './support/fixtures';
import {
  LINKED, LinkAccountPage, confirmedSubscriber, expectAccessible, openSection, subscriberWithAccounts, recordRequests,
} from './support/kabinet';
import { LAST_BILL, METER_SERIAL } from './support/seed';

const VORONEZH = 'Межрегионгаз Воронеж';
const KIROV = 'Межрегионгаз Киров';

test('a subscriber links an account from the receipt and sees it on the home page', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  await page.getByRole('link', { name: 'Главная' }).click();
  await expect(page.getByText('Для начала работы с Личным кабинетом Вам необходимо подключить к нему Ваши лицевые счета.')).toBeVisible();
  await page.getByRole('link', { name: 'Подключить ЛС' }).click();

  const form = new LinkAccountPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Подключение лицевых счетов' })).toBeVisible();
  await expect(page.getByText('Уважаемый абонент! В данном разделе Вы можете подключить Ваши Лицевые счета')).toBeVisible();
  await expect(page.getByText('Уважаемый абонент! Для подключения лицевого счета укажите его номер указанный на квитанции.')).toBeVisible();
  // «<не выбрана>» first, then the nine suppliers of the subscriber guide, in its order.
  const options = await form.supplier().locator('option').allTextContents();
  expect(options.slice(0, 10)).toEqual([
    '<не выбрана>',
    'Межрегионгаз Воронеж',
    'Межрегионгаз Жигулевск',
    'Межрегионгаз Иваново',
    'Межрегионгаз Ижевск',
    'Межрегионгаз Йошкар-Ола',
    'Межрегионгаз Калуга',
    'Межрегионгаз Краснодар',
    'Межрегионгаз Кемерово',
    'Межрегионгаз Киров',
  ]);
  // The datum of the receipt is asked once the supplier says which one.
  await expect(form.proof()).toHaveCount(0);
  await expectAccessible(page);

  await form.supplier().selectOption({ label: VORONEZH });
  await expect(page.getByLabel(METER_SERIAL, { exact: true })).toBeVisible();
  await form.link(VORONEZH, '3600000001');
  await expect(page.getByText(LINKED)).toBeVisible();
  // A confirmation panel: what was linked, and where to go on.
  const done = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Лицевой счет подключен' }) });
  await expect(done.locator('dd')).toHaveText(['№ 3600000001', VORONEZH, /г\.\sВоронеж/]);
  await expect(done.getByRole('link', { name: 'Открыть лицевой счет' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Главная' }).click();
  const card = page.getByRole('article').filter({ hasText: 'Лицевой счет № 3600000001' });
  await expect(card).toContainText(VORONEZH);
  await expect(card).toContainText('Задолженность: 1 234,56 ₽');
  await expect(card).toContainText('г. Воронеж');
  await expect(card.getByRole('link', { name: 'Оплата онлайн' })).toBeVisible();
  await expect(card.getByRole('link', { name: 'Передать показания' })).toBeVisible();
  await expectAccessible(page);
});

test('the «?» hint shows where the number is on the chosen supplier\'s receipt', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  const form = new LinkAccountPage(page);
  await form.open();
  await form.supplier().selectOption({ label: VORONEZH });
  const help = page.getByRole('button', { name: 'Подсказка: Лицевой счет:' });
  await help.click();
  const tooltip = page.getByRole('tooltip').filter({ hasText: 'Номер лицевого счета указан' });
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('начинается с 36');
  const picture = tooltip.getByRole('img', { name: /номер лицевого счета/ });
  await expect(picture).toBeVisible();
  // The picture arrives a moment after the hint opens: it does arrive.
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  // The field stays visible and usable with the hint open.
  await expect(form.number()).toBeInViewport();
  await expect(form.number()).toHaveAccessibleDescription(/Номер лицевого счета указан/);
  await expectAccessible(page);

  await page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();
  // Keyboard: focus coming to the «?» opens it, Escape closes it.
  await form.number().focus();
  await help.focus();
  await expect(tooltip).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();
  // Another supplier, another text.
  await form.supplier().selectOption({ label: KIROV });
  await form.number().focus();
  await help.focus();
  await expect(page.getByRole('tooltip').filter({ hasText: 'начинается с 43' })).toBeVisible();
});

test('the datum of the receipt has the supplier\'s label, its own «?» and a picture of where it is', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  const form = new LinkAccountPage(page);
  await form.open();
  await form.supplier().selectOption({ label: VORONEZH });
  const serial = page.getByLabel(METER_SERIAL, { exact: true });
  await expect(serial).toHaveAttribute('inputmode', 'text');
  await page.getByRole('button', { name: `Подсказка: ${METER_SERIAL}` }).click();
  const tooltip = page.getByRole('tooltip').filter({ has: page.getByRole('img', { name: /заводской номер счетчика/ }) });
  await expect(tooltip).toBeVisible();
  await expect(serial).toHaveAccessibleDescription(/.+/);
  await expectAccessible(page);
  await page.keyboard.press('Escape');

  // Киров asks for the last bill: another label, a keyboard with a comma, another picture.
  await form.supplier().focus();
  await form.supplier().selectOption({ label: KIROV });
  await expect(serial).toHaveCount(0);
  const bill = page.getByLabel(LAST_BILL, { exact: true });
  await expect(bill).toHaveAttribute('inputmode', 'decimal');
  await page.getByRole('button', { name: `Подсказка: ${LAST_BILL}` }).focus();
  await expect(page.getByRole('tooltip').getByRole('img', { name: /сумма начисления/ })).toBeVisible();
  await expectAccessible(page);
});

test('«Отмена» goes back without linking anything', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  await page.getByRole('link', { name: 'Главная' }).click();
  await page.getByRole('link', { name: 'Подключить ЛС' }).click();
  const form = new LinkAccountPage(page);
  await form.supplier().selectOption({ label: VORONEZH });
  await form.number().fill('3600000001');
  await page.getByRole('button', { name: 'Отмена' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText('Для начала работы с Личным кабинетом Вам необходимо подключить к нему Ваши лицевые счета.')).toBeVisible();
});

test('bad input when linking is explained and kept', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  const sent = recordRequests(page, '/api/v1/accounts');
  const form = new LinkAccountPage(page);
  await form.open();

  await form.submit().click();
  await expect(form.summary().getByRole('link', { name: 'Выберите поставщика.' })).toBeVisible();
  await expect(form.summary().getByRole('link', { name: 'Введите номер лицевого счета, он указан на квитанции.' })).toBeVisible();
  await expect(form.summary()).toBeFocused();
  await expectAccessible(page);

  await form.link(VORONEZH, '36A0000001', 'СГ-100001');
  await expect(form.summary().getByRole('link', { name: 'Лицевой счет может содержать только цифры.' })).toBeVisible();
  await expect(form.number()).toHaveValue('36A0000001');

  await form.link(VORONEZH, '3600000002', '');
  await expect(form.summary().getByRole('link', { name: 'Введите заводской номер счетчика, как он указан на квитанции.' })).toBeVisible();
  await expect(form.proof()).toHaveAttribute('aria-invalid', 'true');

  await form.link(KIROV, '4300000002', 'тысяча');
  await expect(form.summary().getByRole('link', { name: /Сумма указывается в рублях и копейках, например 1\s050,00\./ })).toBeVisible();
  await expect(form.proof()).toHaveValue('тысяча');

  await form.link(VORONEZH, '36000000011', 'СГ-100001');
  await expect(form.summary().getByRole('link', { name: 'Лицевой счет должен содержать не более 10 цифр.' })).toBeVisible();
  await expect(form.number()).toHaveAttribute('aria-invalid', 'true');
  await expect(form.number()).toHaveValue('36000000011');
  expect(sent).toEqual([]);

  // Not known at that supplier: one message for the number and the datum, both kept.
  await form.link(VORONEZH, '3699999999', 'СГ-100001');
  await expect(form.summary()).toContainText(
    'Лицевой счет с такими данными не найден у поставщика «Межрегионгаз Воронеж». Проверьте номер и данные квитанции.',
  );
  await expect(form.number()).toHaveValue('3699999999');
  await expect(form.proof()).toHaveValue('СГ-100001');
  await expect(form.supplier()).toHaveValue('voronezh');

  // Already linked to this cabinet.
  await form.link(VORONEZH, '3600000001');
  await expect(form.summary()).toContainText('Этот лицевой счет уже подключен к Вашему Личному кабинету.');
  await expectAccessible(page);
});

test('spaces pasted from a receipt are taken out, and the subscriber is told', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  const form = new LinkAccountPage(page);
  await form.open();
  await form.link(KIROV, '4300 000 002');
  await expect(page.getByText('Пробелы из номера убраны')).toBeVisible();
  await expect(page.getByText(LINKED)).toBeVisible();
  await page.getByRole('link', { name: 'Главная' }).click();
  await expect(page.getByRole('article').filter({ hasText: 'Лицевой счет № 4300000002' })).toContainText('Переплата: 100,00 ₽');
});

test('the account page shows holder, address, balance, tariffs and meters', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await page.getByRole('link', { name: 'Главная' }).click();
  await page.getByRole('link', { name: 'Лицевой счет № 3600000001' }).click();
  await expect(page).toHaveURL(/\/accounts\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Лицевой счет № 3600000001' })).toBeVisible();
  // A summary list, then the balance panel with what to pay and the two actions.
  await expect(page.locator('dl.summary dt')).toHaveText(['Поставщик', 'Адрес', 'Владелец']);
  await expect(page.getByText(VORONEZH)).toBeVisible();
  await expect(page.locator('dd').filter({ hasText: '*' })).toBeVisible(); // the holder, masked
  const balance = page.getByRole('region', { name: 'Баланс', exact: true });
  await expect(balance.getByText('Задолженность', { exact: true })).toBeVisible();
  await expect(balance.getByText('1 234,56 ₽', { exact: true })).toBeVisible();
  await expect(balance.getByRole('link', { name: 'Оплата онлайн' })).toBeVisible();
  await expect(balance.getByRole('link', { name: 'Передать показания' })).toBeVisible();
  for (const section of ['Тарифы', 'Приборы учёта', 'Платежи']) {
    await expect(page.getByRole('region', { name: section, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('table')).toContainText('₽ за');
  // The seed starts at 12345,678; readings of other tests on this shared meter move it up.
  await expect(page.getByText(/Последние показания: \d{1,3}([\s\u00a0]\d{3})*(,\d+)?[\s\u00a0]м³ от \d\d\.\d\d\.\d{4}/)).toBeVisible();
  await expect(page.getByText(/Поверка до \d\d\.\d\d\.\d{4}/)).toBeVisible();
  await expectAccessible(page);
  // A deep link reloads into the same account.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Лицевой счет № 3600000001' })).toBeVisible();
});

test('an account that is not there keeps its page heading, says so and leads to «Лицевые счета», not «Повторить»', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  await page.goto('/accounts/no-such-account');
  await expect(page.getByRole('heading', { level: 1, name: 'Лицевой счет' })).toBeVisible();
  const outcome = page.getByRole('alert').filter({ hasText: 'Лицевой счет не найден в Вашем Личном кабинете.' });
  await expect(outcome).toBeVisible();
  await expect(page.getByRole('button', { name: 'Повторить' })).toHaveCount(0);
  const way = outcome.getByRole('link', { name: 'Лицевые счета' });
  await expect(way).toHaveClass(/\bprimary\b/);
  await expectAccessible(page);
  await way.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Лицевые счета' })).toBeVisible();
});

test('an account that cannot be read for now says so with «Повторить»', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await page.getByRole('link', { name: 'Главная' }).click();
  await page.route('**/api/v1/accounts/*', (route) => route.abort('connectionrefused'));
  await page.getByRole('link', { name: 'Лицевой счет № 3600000001' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Лицевой счет' })).toBeVisible();
  await expect(page.getByRole('alert').getByRole('button', { name: 'Повторить' })).toBeVisible();
});

test('one balance, one word and one colour: the card and the account page say it alike', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await page.getByRole('link', { name: 'Главная' }).click();
  const card = page.getByRole('article').filter({ hasText: 'Лицевой счет № 3600000001' });
  const line = card.locator('.balance');
  await expect(line).toHaveText('Задолженность: 1\u00a0234,56\u00a0₽');
  const colour = (l: Locator) => l.evaluate((el) => getComputedStyle(el).color);
  const text = await colour(page.locator('main'));
  expect(await colour(line), 'the card: the colour of the text, not red').toBe(text);

  await card.getByRole('link', { name: 'Лицевой счет № 3600000001' }).click();
  const panel = page.getByRole('region', { name: 'Баланс', exact: true });
  const word = panel.getByText('Задолженность', { exact: true });
  await expect(word).toBeVisible();
  await expect(panel.getByText('К оплате', { exact: true })).toHaveCount(0);
  expect(await colour(word)).toBe(text);
  expect(await colour(panel.locator('.balance-sum'))).toBe(text);
});

test('several cards are not a wall of filled buttons; one card keeps «Оплата онлайн» as its primary', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await page.getByRole('link', { name: 'Главная' }).click();
  const primaries = page.getByRole('main').locator('.primary');
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('article').getByRole('link', { name: 'Оплата онлайн' })).toHaveClass(/\bprimary\b/);
  await expect(primaries).toHaveCount(1);

  const form = new LinkAccountPage(page);
  await form.open();
  await form.link(KIROV, '4300000002');
  await expect(page.getByText(LINKED)).toBeVisible();
  await openSection(page, 'Лицевые счета');
  await expect(page.getByRole('article')).toHaveCount(2);
  // Every card's actions secondary; «Подключить ЛС» too, with accounts there.
  await expect(primaries).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Подключить ЛС' })).toBeVisible();
  await expectAccessible(page);
});

test('on a phone the buttons of a pair take the whole width, one under the other, with one gap everywhere', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await page.setViewportSize({ width: 360, height: 800 });
  await openSection(page, 'Главная');
  const stacked = async (first: Locator, second: Locator, row: Locator) => {
    const [a, b, r] = [(await first.boundingBox())!, (await second.boundingBox())!, (await row.boundingBox())!];
    expect(Math.round(a.width), 'as wide as its row').toBe(Math.round(r.width));
    expect(Math.round(b.width), 'as wide as its row').toBe(Math.round(r.width));
    expect(Math.round(a.x)).toBe(Math.round(b.x));
    return Math.round(b.y - (a.y + a.height));
  };
  const card = page.getByRole('article').first();
  await expect(card).toBeVisible();
  const cardGap = await stacked(
    card.getByRole('link', { name: 'Оплата онлайн' }),
    card.getByRole('link', { name: 'Передать показания' }),
    card.locator('.card-actions'),
  );
  await card.getByRole('link', { name: /3600000001/ }).click();
  const panel = page.getByRole('region', { name: 'Баланс', exact: true });
  await expect(panel).toBeVisible();
  const panelGap = await stacked(
    panel.getByRole('link', { name: 'Оплата онлайн' }),
    panel.getByRole('link', { name: 'Передать показания' }),
    panel.locator('.panel-actions'),
  );
  expect(panelGap).toBe(cardGap);
});

test('a session that ended while the form was open: login, then back with the input kept', async ({ page, request, context }) => {
  const email = await confirmedSubscriber(page, request);
  const form = new LinkAccountPage(page);
  await form.open();
  await form.supplier().selectOption({ label: VORONEZH });
  await form.number().fill('3600000001');
  await form.proof().fill('СГ-100001');
  await context.clearCookies();
  await form.submit().click();
  await expect(page).toHaveURL(/\/login\?next=%2Faccounts%2Flink$/);
  await expect(page.getByText('Сеанс работы завершён. Войдите снова, чтобы продолжить с того же места.')).toBeVisible();
  await page.getByLabel('E-mail (логин)').fill(email);
  await page.getByLabel('Пароль', { exact: true }).fill('Gaz2026ok');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/accounts\/link$/);
  await expect(form.number()).toHaveValue('3600000001');
  await expect(form.proof()).toHaveValue('СГ-100001');
  await expect(form.supplier()).toHaveValue('voronezh');
  await form.submit().click();
  await expect(page.getByText(LINKED)).toBeVisible();
});

test('signed-in pages fit a 320 px wide screen', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [[VORONEZH, '3600000001']]);
  await page.setViewportSize({ width: 320, height: 640 });
  for (const name of ['Главная', 'Лицевые счета', 'Настройки']) {
    await openSection(page, name);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, name).toBeLessThanOrEqual(0);
  }
  await page.goto('/accounts/link');
  // The longest supplier is read whole in the select, beside its arrow
  // (a select cannot wrap its chosen line).
  const supplier = page.getByLabel('Поставщик:', { exact: true });
  await supplier.selectOption({ label: 'Межрегионгаз Йошкар-Ола' });
  const room = await supplier.evaluate((select: HTMLSelectElement) => {
    const style = getComputedStyle(select);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = context.measureText(select.options[select.selectedIndex].text).width;
    const arrow = 24;
    return select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow - text;
  });
  expect(room).toBeGreaterThanOrEqual(0);
  await page.getByRole('button', { name: 'Подсказка: Лицевой счет:' }).click();
  await openSection(page, 'Лицевые счета');
  await page.getByRole('link', { name: 'Лицевой счет № 3600000001' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Лицевой счет № 3600000001' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // No tariff text is clipped: «водонагреватель)» wraps inside its column,
  // and the table does not scroll sideways.
  await expect(page.getByRole('table')).toContainText('водонагреватель');
  const clipped = await page.locator('.tariffs td, .table-scroll').evaluateAll((cells) =>
    cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent),
  );
  expect(clipped).toEqual([]);
});

test('the link form shows the supplier\'s rule under the label', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  const form = new LinkAccountPage(page);
  await form.open();
  const rule = page.getByText('Лицевой счет должен содержать не более 10 цифр.');
  await expect(rule).toBeVisible();
  await expect(form.number()).toHaveAttribute('aria-describedby', /number-note/);
  await form.supplier().selectOption({ label: VORONEZH });
  await expect(rule).toBeVisible();
});
