// Meter readings: what is accepted, and a reading far above the usual
// confirmed before it is sent.
import { expect, test } from './support/fixtures';
import {
  expectAccessible,
  previousReading,
  readingShown,
  readingText,
  subscriberWithAccounts,
} from './support/kabinet';

test('a reading with a comma is accepted and becomes the last one', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [['Межрегионгаз Воронеж', '3600000001']]);
  await page.getByRole('link', { name: 'Главная' }).click();
  await page.getByRole('article').getByRole('link', { name: 'Передать показания' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Передача показаний' })).toBeVisible();
  const reading = page.getByLabel(/счетчик №/);
  await expect(page.getByText(/Предыдущие показания: [\d\s,]+м³ от \d\d\.\d\d\.\d{4}/)).toBeVisible();
  await expectAccessible(page);
  const previous = await previousReading(page);
  const below = readingText(previous - 345);

  const send = page.getByRole('button', { name: 'Передать показания' });
  const summary = page.getByRole('alert').filter({ hasText: 'Проверьте введённые данные' });
  for (const [typed, message] of [
    ['', 'Введите показания счетчика.'],
    ['двенадцать', 'Введите показания числом, например 12345,678.'],
    ['12400,1234', 'После запятой — не больше трёх цифр.'],
    [below, `Показания не могут быть меньше предыдущих (${readingText(previous)}).`],
  ]) {
    await reading.fill(typed);
    await send.click();
    await expect(summary.getByRole('link', { name: message })).toBeVisible();
    await expect(reading).toHaveValue(typed);
  }
  await expectAccessible(page);

  const next = previous + 5250;
  // Typed with a point this time: both separators are accepted.
  await reading.fill(readingText(next).replace(',', '.'));
  await send.click();
  const sent = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Показания приняты. Спасибо!' }) });
  // The outcome names the meter, the value and its unit, and leads back to the account.
  await expect(sent.getByRole('listitem')).toHaveText(
    `Газоснабжение, счетчик № СГ-100001: ${readingShown(next)} м³`,
  );
  await expectAccessible(page);
  await sent.getByRole('link', { name: 'К лицевому счету', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Лицевой счет № 3600000001' })).toBeVisible();
  await expect(page.getByText(`Последние показания: ${readingShown(next)} м³`)).toBeVisible();
});

test('the previous reading is a bold line of its own, grouped by thousands like money', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [['Межрегионгаз Воронеж', '3600000001']]);
  await page.getByRole('link', { name: 'Главная' }).click();
  await page.getByRole('article').getByRole('link', { name: 'Передать показания' }).click();
  const lead = page.locator('#reading-1-note > strong');
  // The seed starts at 12 345,678; other tests on this shared meter move it up.
  const previous = await previousReading(page);
  expect(previous).toBeGreaterThanOrEqual(12_345_678);
  // No-break spaces: «12 345,678 м³» never parts at a line's end.
  await expect(lead).toBeVisible();
  expect(await lead.textContent()).toMatch(
    new RegExp(`^Предыдущие показания: ${readingShown(previous)}\u00a0м³ от \\d\\d\\.\\d\\d\\.\\d{4}$`),
  );
  expect(readingShown(previous)).toMatch(/^\d{1,3}(\u00a0\d{3})+(,\d+)?$/);
  await expect(lead).toHaveCSS('font-weight', '700');
  await expect(lead).toHaveCSS('display', 'block');
  // The supplier's window is a paragraph of its own, apart from the field under it.
  const windowNote = page.getByText('Показания по этому лицевому счету принимаются в любой день месяца.');
  const gap = await windowNote.evaluate((el) => {
    const field = document.querySelector('.field')!;
    return field.getBoundingClientRect().top - el.getBoundingClientRect().bottom;
  });
  expect(gap).toBeGreaterThanOrEqual(16);
});

test('an account without meters offers no readings to send', async ({ page, request }) => {
  // «Межрегионгаз Кемерово» 4200000002 is billed by the norm: no meters.
  await subscriberWithAccounts(page, request, [['Межрегионгаз Кемерово', '4200000002']]);
  await page.getByRole('link', { name: 'Главная' }).click();
  const card = page.getByRole('article').filter({ hasText: 'Лицевой счет № 4200000002' });
  await expect(card.getByRole('link', { name: 'Оплата онлайн' })).toBeVisible();
  await expect(card.getByRole('link', { name: 'Передать показания' })).toHaveCount(0);
  await card.getByRole('link', { name: 'Лицевой счет № 4200000002' }).click();
  const balance = page.getByRole('region', { name: 'Баланс', exact: true });
  await expect(balance.getByRole('link', { name: 'Оплата онлайн' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Передать показания' })).toHaveCount(0);
  await expect(page.getByText('Приборы учёта не установлены: начисление по нормативу.')).toBeVisible();
  await balance.getByRole('link', { name: 'Оплата онлайн' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Оплата онлайн' })).toBeVisible();
  await expect(page.getByLabel('передать показания при оплате')).toHaveCount(0);
});

test('an unusually large reading is confirmed before it is sent', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [['Межрегионгаз Воронеж', '3600000001']]);
  await page.getByRole('link', { name: 'Главная' }).click();
  await page.getByRole('article').getByRole('link', { name: 'Передать показания' }).click();
  const reading = page.getByLabel(/счетчик №/);
  const huge = readingText((await previousReading(page)) + 5_000_000);
  await reading.fill(huge);
  await page.getByRole('button', { name: 'Передать показания' }).click();
  await expect(page.getByText(/намного больше обычного/).first()).toBeVisible();
  await expect(reading).toHaveValue(huge);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Подтвердить и отправить' }).click();
  await expect(page.getByText('Показания приняты. Спасибо!')).toBeVisible();
});
