// Registration end to end: register, confirm by mail, home, log out, log in;
// the unconfirmed cabinet's deadline and fresh link; a taken address.
import { API_URL, expect, test } from './support/fixtures';
import {
  LoginPage, PASSWORD, RegisterPage, WELCOME, homeHeading, appPath, ddmmyyyy, expectAccessible, freshEmail, latestMail,
} from './support/kabinet';

test('a new subscriber registers, confirms the e-mail, logs out and logs in again', async ({ page, request }) => {
  const email = freshEmail();
  const register = new RegisterPage(page);
  await register.open();
  await expectAccessible(page);
  await register.fill(email, PASSWORD);
  await register.robotCheckPassed();
  await register.submit().click();

  // Check your mail: the address and the deadline, three days on.
  await expect(page).toHaveURL(/\/register\/done/);
  const checkMail = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Проверьте почту' }) });
  await expect(checkMail).toContainText(`отправленной на Ваш электронный адрес ${email}`);
  await expect(checkMail.getByRole('link', { name: 'Возврат к странице Авторизации' })).toBeVisible();
  await expect(page.getByText(`отправленной на Ваш электронный адрес ${email}`)).toBeVisible();
  await expect(page.getByText(`Внимание! Ссылка действительна до ${ddmmyyyy(3)}.`)).toBeVisible();
  await expectAccessible(page);

  // The mail is in the outbox; its link confirms and signs in.
  const mail = await latestMail(request, email);
  expect(mail.text).toContain(ddmmyyyy(3));
  await page.goto(appPath(mail));
  await expect(page.getByText('Вы успешно зарегистрированы в Системе. Для Вас создан Личный кабинет!')).toBeVisible();
  await expect(page.getByText('Для начала работы с Личным кабинетом Вам необходимо подключить к нему Ваши лицевые счета.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Подключить ЛС' })).toBeVisible();
  await expectAccessible(page);

  // Signed in: the signed-in navigation and the home page.
  await page.getByRole('link', { name: 'Главная' }).click();
  await expect(homeHeading(page)).toBeVisible();
  // A short heading; without accounts yet, the welcome leads what follows it.
  await expect(page.locator('h1 + .home-accounts > p.lead:first-child')).toHaveText(WELCOME);
  await expect(page.getByText('Данный сервис предоставляет возможность работы с Вашими лицевыми счетами')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Выслать ссылку' })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Выход' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('link', { name: 'Регистрация' }).first()).toBeVisible();
  // Signed out for real: the home page now asks for a login.
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?next=%2F$/);

  const login = new LoginPage(page);
  await login.login(email);
  await expect(homeHeading(page)).toBeVisible();
  await expect(page).toHaveURL(/\/$/);

  // The session is a cookie: a reload keeps the subscriber signed in.
  await page.reload();
  await expect(homeHeading(page)).toBeVisible();
});

test('an unconfirmed subscriber sees the deadline and gets a fresh link; the old one stops working', async ({ page, request }) => {
  const email = freshEmail('unconfirmed');
  await new RegisterPage(page).register(email);
  const first = await latestMail(request, email);

  const login = new LoginPage(page);
  await login.open();
  await login.login(email);
  await expect(homeHeading(page)).toBeVisible();
  await expect(page.getByText(`Внимание! Ссылка действительна до ${ddmmyyyy(3)}.`)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Выслать ссылку' }).click();
  await expect(page.getByText(`Новая ссылка отправлена на ${email}.`)).toBeVisible();
  const second = await latestMail(request, email, 2);
  expect(appPath(second)).not.toEqual(appPath(first));

  await page.goto(appPath(first));
  await expect(page.getByText('Ссылка недействительна или уже была использована.')).toBeVisible();
  await expectAccessible(page);

  await page.goto(appPath(second));
  await expect(page.getByText('Вы успешно зарегистрированы в Системе. Для Вас создан Личный кабинет!')).toBeVisible();
  await page.getByRole('link', { name: 'Главная' }).click();
  await expect(homeHeading(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Выслать ссылку' })).toHaveCount(0);

  // Used once: the same link again explains itself.
  await page.goto(appPath(second));
  await expect(page.getByText('Ссылка недействительна или уже была использована.')).toBeVisible();
});

test('a taken e-mail gets the same answer; the mail says the account exists', async ({ page, request }) => {
  const email = freshEmail('taken');
  await new RegisterPage(page).register(email);
  const firstPage = await page.locator('main').innerText();

  await new RegisterPage(page).register(email);
  expect(await page.locator('main').innerText()).toEqual(firstPage);
  await latestMail(request, email, 2);
  const first = (await (await request.get(`${API_URL}/api/dev/outbox?to=${encodeURIComponent(email)}`)).json()) as { text: string }[];
  expect(first[0].text).not.toEqual(first[1].text);
});

test('a confirmation link that does not work is a failure panel whose primary action is the way out', async ({ page }) => {
  for (const [code, status, heading, way] of [
    // The cabinet of an unconfirmed registration is gone: register again.
    ['token_expired', 410, 'Срок действия ссылки истёк.', 'Регистрация'],
    // Used or replaced: sign in (and ask for a fresh link there, «Выслать ссылку»).
    ['token_invalid', 404, 'Ссылка недействительна или уже была использована.', 'Вход в Личный кабинет'],
  ] as const) {
    await page.unrouteAll();
    await page.route('**/api/v1/registrations/confirm', (route) =>
      route.fulfill({ status, contentType: 'application/problem+json', body: JSON.stringify({ title: 'x', status, code }) }),
    );
    await page.goto('/confirm?token=abc');
    const panel = page.getByRole('status').filter({ has: page.getByRole('heading', { name: heading }) });
    await expect(panel, code).toBeVisible();
    await expect(panel.locator('.primary'), code).toHaveText([way]);
    await expect(page.getByRole('button', { name: 'Повторить' }), code).toHaveCount(0);
    await expectAccessible(page);
  }
});
