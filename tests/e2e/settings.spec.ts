// «Настройки абонента»: login, password change, linked accounts.
import { expect, test, type Locator } from './support/fixtures';
import { LoginPage, PASSWORD, homeHeading, expectAccessible, subscriberWithAccounts, confirmedSubscriber } from './support/kabinet';

test('the password is changed; the old one stops working and other sessions end', async ({ page, request, browser }) => {
  const email = await confirmedSubscriber(page, request);
  // A second device, signed in before the change.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const otherLogin = new LoginPage(otherPage);
  await otherLogin.open();
  await otherLogin.login(email);
  await expect(homeHeading(otherPage)).toBeVisible();

  await page.getByRole('link', { name: 'Настройки' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Настройки абонента' })).toBeVisible();
  const masked = email[0] + '***@example.ru';
  await expect(page.getByText(`Логин: ${masked}`)).toBeVisible();
  await expect(page.getByText(`Введите новый пароль для ${masked}. Желательно, чтобы он отличался от ваших паролей для других веб-сайтов.`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Забыли пароль?' })).toBeVisible();
  await expectAccessible(page);

  const current = page.getByLabel('Текущий пароль:');
  const fresh = page.getByLabel('Новый пароль:');
  const repeat = page.getByLabel('Повторите пароль:');
  const submit = page.getByRole('button', { name: 'Сменить пароль' });

  // Wrong current password.
  await current.fill('Wrong1234');
  await fresh.fill('Newpass1');
  await repeat.fill('Newpass1');
  await submit.click();
  await expect(page.getByRole('link', { name: 'Текущий пароль введён неверно.' })).toBeVisible();
  await expect(fresh).toHaveValue('Newpass1');
  // Against the policy, and not repeated.
  await current.fill(PASSWORD);
  await fresh.fill('новый1');
  await repeat.fill('другой');
  await submit.click();
  await expect(page.getByRole('link', { name: /только латинские буквы/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Пароли не совпадают.' })).toBeVisible();
  await expectAccessible(page);
  // «Показать пароль» shows all three.
  await page.getByLabel('Показать пароль').check();
  await expect(current).toHaveAttribute('type', 'text');
  await expect(repeat).toHaveAttribute('type', 'text');

  await fresh.fill('Newpass1');
  await repeat.fill('Newpass1');
  await submit.click();
  // The outcome panel, with its heading and a way on.
  const changed = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Пароль изменён' }) });
  await expect(changed).toContainText('Пароль изменён.');
  await expect(changed.getByRole('link', { name: 'На главную' })).toBeVisible();
  await expect(current).toHaveValue('');

  // The other device is signed out at its next request.
  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();

  await page.getByRole('button', { name: 'Выход' }).click();
  const login = new LoginPage(page);
  await login.login(email, PASSWORD);
  await expect(page.getByText('Неверный e-mail или пароль.')).toBeVisible();
  await login.login(email, 'Newpass1');
  await expect(homeHeading(page)).toBeVisible();
});

test('an account is unlinked only after a confirmation', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [['Межрегионгаз Воронеж', '3600000001'], ['Межрегионгаз Киров', '4300000002']]);
  await page.getByRole('link', { name: 'Настройки' }).click();
  await expect(page.getByRole('heading', { name: 'Текущие Лицевые счета' })).toBeVisible();
  const row = (number: string) => page.locator('ul.linked > li').filter({ hasText: number });
  await expect(row('3600000001')).toContainText('Межрегионгаз Воронеж');

  await page.getByRole('button', { name: 'Отключить лицевой счет № 3600000001' }).click();
  // The question is the dialog's heading and its name; what it means, its description.
  const dialog = page.getByRole('dialog', { name: 'Отключить лицевой счет № 3600000001?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Отключить лицевой счет № 3600000001?' })).toBeVisible();
  await expect(dialog).toHaveAccessibleDescription(/Межрегионгаз Воронеж.*Подключить счет снова можно в любой момент/);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  await expect(dialog).toBeHidden();
  await expect(row('3600000001')).toBeVisible();

  // Escape is «Отмена» too.
  await page.getByRole('button', { name: 'Отключить лицевой счет № 3600000001' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.getByRole('button', { name: 'Отключить лицевой счет № 3600000001' }).click();
  await dialog.getByRole('button', { name: 'Отключить' }).click();
  await expect(row('3600000001')).toHaveCount(0);
  await page.getByRole('button', { name: 'Отключить лицевой счет № 4300000002' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Отключить' }).click();
  await expect(page.getByText('Нет подключенных ЛС')).toBeVisible();

  await page.getByRole('link', { name: 'Подключение ЛС', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Подключение лицевых счетов' })).toBeVisible();
});

test('every section of settings has its hint', async ({ page, request }) => {
  await confirmedSubscriber(page, request);
  await page.getByRole('link', { name: 'Настройки' }).click();
  for (const topic of ['Логин', 'Смена пароля', 'Подключение ЛС']) {
    const button = page.getByRole('button', { name: `Подсказка: ${topic}` });
    await button.focus();
    await expect(page.getByRole('tooltip').filter({ visible: true })).toHaveCount(1);
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('tooltip').filter({ visible: true })).toHaveCount(0);
  }
});

test('password and accounts are sections apart; an account row reads number, supplier, address; «Отключить» is quiet until asked', async ({ page, request }) => {
  await subscriberWithAccounts(page, request, [['Межрегионгаз Воронеж', '3600000001']]);
  await page.getByRole('link', { name: 'Настройки' }).click();
  const password = page.getByRole('region', { name: 'Смена пароля' });
  const accounts = page.getByRole('region', { name: 'Подключение ЛС' });
  await expect(password).toBeVisible();
  await expect(accounts).toBeVisible();
  // Each section opens with a rule and space above it.
  for (const section of [password, accounts]) {
    const [rule, space] = await section.evaluate((el) => {
      const s = getComputedStyle(el);
      return [parseFloat(s.borderTopWidth), parseFloat(s.marginTop)];
    });
    expect(rule).toBeGreaterThan(0);
    expect(space).toBeGreaterThanOrEqual(24);
  }

  const row = accounts.locator('ul.linked > li').first();
  const number = row.getByText('№\u00a03600000001', { exact: true });
  const supplier = row.getByText('Межрегионгаз Воронеж', { exact: true });
  const address = row.getByText(/г\.\sВоронеж/);
  const weight = (l: Locator) => l.evaluate((el) => Number(getComputedStyle(el).fontWeight));
  const size = (l: Locator) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await weight(number), 'the number stands out').toBeGreaterThanOrEqual(700);
  expect(await weight(supplier)).toBeLessThan(700);
  expect(await size(address), 'the address is quieter').toBeLessThan(await size(supplier));
  const [n, s, a] = [await number.boundingBox(), await supplier.boundingBox(), await address.boundingBox()];
  expect(n!.y).toBeLessThan(s!.y);
  expect(s!.y).toBeLessThan(a!.y);

  // «Отключить» is not a filled button: its words only, red, until the question.
  const unlink = row.getByRole('button', { name: 'Отключить лицевой счет № 3600000001' });
  await expect(unlink).not.toHaveClass(/\bprimary\b/);
  const [background, border] = await unlink.evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.backgroundColor, s.borderTopColor];
  });
  expect(background).toBe('rgba(0, 0, 0, 0)');
  expect(border).toBe('rgba(0, 0, 0, 0)');
  expect((await unlink.boundingBox())!.height, 'still a 44 px target').toBeGreaterThanOrEqual(44);
  await unlink.click();
  const confirm = page.getByRole('dialog').getByRole('button', { name: 'Отключить' });
  await expect(confirm).toHaveClass(/\bprimary\b/);
  await expectAccessible(page);
});
