// The supplier's readings window, which needs the server's clock moved: runs
// in the «clock» project, alone, after every other test.
import { expect, test } from './support/fixtures';
import { advanceClock, expectAccessible, subscriberWithAccounts } from './support/kabinet';

test('outside the supplier\'s window the readings page says when to come back', async ({ page, request }) => {
  // «Межрегионгаз Воронеж» 3600000002 takes readings from the 15th to the 25th.
  // Move the server's clock past the 25th if today is inside the window.
  const day = new Date().getUTCDate();
  if (day >= 15 && day <= 25) await advanceClock(request, (26 - day) * 86_400);
  await subscriberWithAccounts(page, request, [['Межрегионгаз Воронеж', '3600000002']]);
  await page.getByRole('link', { name: 'Главная' }).click();
  await page.getByRole('article').getByRole('link', { name: 'Передать показания' }).click();
  await expect(page.getByText('Показания по этому лицевому счету принимаются с 15 по 25 число месяца. Передайте их в эти дни.')).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expectAccessible(page);
});
