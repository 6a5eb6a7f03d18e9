// Meter readings: what is accepted, and a reading far above the usual
// confirmed before it is sent.
import { expect, test } from './support/fixtures';
import { expectAccessible, previousReading, readingText, subscriberWithAccounts } from './support/kabinet';

test('a reading with a comma is accepted and becomes the last one', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [['Межрегионгаз Воронеж', '3600000001']]);
  await page.getByRole('link', { name: 'Главная' }).click();
  await page.getByRole('article').getByRole('link', { name: 'Передать показания' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Передача показаний' })).toBeVisible();
  const reading = page.getByLabel(/счетчик №/);
  await expect(page.getByText(/Предыдущие показания: [\d,]+\u00a0м³ от \d\d\.\d\d\.\d{4}/)).toBeVisible();
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
  await expect(page.getByText('Показания приняты. Спасибо!')).toBeVisible();
  await expect(page.getByText(readingText(next), { exact: true })).toBeVisible();
  await page.getByRole('link', { name: '← к лицевому счету' }).click();
  await expect(page.getByText(`Последние показания: ${readingText(next)} м³`)).toBeVisible();
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
