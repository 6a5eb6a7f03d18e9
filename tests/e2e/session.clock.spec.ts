// Journeys that need time to pass: they move the reference API's clock, so
// they run alone, after every other test (the «clock» project).
import { expect, test } from './support/fixtures';
import {
  LINKED,
  LinkAccountPage,
  LoginPage,
  NewPasswordPage,
  RecoverPage,
  RegisterPage,
  advanceClock,
  appPath,
  homeHeading,
  confirmedSubscriber,
  expectAccessible,
  freshEmail,
  latestMail,
} from './support/kabinet';

const ENDED = 'Сеанс работы завершён. Войдите снова, чтобы продолжить с того же места.';

test('a session that expired mid-use: login, then back with the input kept', async ({ page, request }) => {
  const email = await confirmedSubscriber(page, request);
  const form = new LinkAccountPage(page);
  await form.open();
  await form.supplier().selectOption({ label: 'Межрегионгаз Воронеж' });
  await form.number().fill('3600000001');
  await form.proof().fill('СГ-100001');
  // 31 minutes without a request: past the 30-minute idle lifetime.
  await advanceClock(request, 31 * 60);
  await form.submit().click();
  await expect(page).toHaveURL(/\/login\?next=%2Faccounts%2Flink$/);
  await expect(page.getByText(ENDED)).toBeVisible();
  await expectAccessible(page);
  await new LoginPage(page).login(email);
  await expect(page).toHaveURL(/\/accounts\/link$/);
  await expect(form.number()).toHaveValue('3600000001');
  await expect(form.proof()).toHaveValue('СГ-100001');
  await form.submit().click();
  await expect(page.getByText(LINKED)).toBeVisible();
});

test('a reset link older than an hour says so and a new one works', async ({ page, request }) => {
  const email = await confirmedSubscriber(page, request);
  await page.getByRole('button', { name: 'Выход' }).click();
  await expect(page).toHaveURL(/\/login$/);
  const recover = new RecoverPage(page);
  await recover.open();
  await recover.request(email);
  const old = appPath(await latestMail(request, email, 2));
  await advanceClock(request, 3601);

  await page.goto(old);
  const form = new NewPasswordPage(page);
  await form.set('Pozdno2026');
  await expect(page.getByText('Срок действия ссылки истёк.')).toBeVisible();
  await expect(page.getByText('Ссылка для смены пароля действует 1 час.')).toBeVisible();
  await expectAccessible(page);
  // The form starts afresh: a new robot check, issued after the clock moved.
  await page.getByRole('link', { name: 'Запросить новую ссылку' }).click();
  await recover.request(email);
  const fresh = appPath(await latestMail(request, email, 3));
  expect(fresh).not.toEqual(old);
  await page.goto(fresh);
  await form.set('Vovremya26');
  await expect(page.getByText('Пароль изменён.')).toBeVisible();
  await page.getByRole('link', { name: 'Войти с новым паролем' }).click();
  await new LoginPage(page).login(email, 'Vovremya26');
  await expect(homeHeading(page)).toBeVisible();
});

test('an unconfirmed cabinet is gone after its deadline: the old link explains, the address registers again', async ({ page, request }) => {
  const email = freshEmail('late');
  await new RegisterPage(page).register(email);
  const old = appPath(await latestMail(request, email));
  // The link is valid until the end of the third day: five days later the cabinet is deleted.
  await advanceClock(request, 5 * 86_400);

  await page.goto(old);
  await expect(page.getByText('Срок действия ссылки истёк.')).toBeVisible();
  await expect(page.getByText('Зарегистрируйтесь заново с тем же адресом электронной почты.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Регистрация', exact: true }).first().click();
  await expect(page).toHaveURL(/\/register$/);

  await new RegisterPage(page).register(email);
  const mail = await latestMail(request, email, 2);
  const again = appPath(mail);
  expect(again).toMatch(/^\/confirm\?token=/);
  expect(again).not.toEqual(old);
  await page.goto(again);
  await expect(page.getByText('Вы успешно зарегистрированы в Системе. Для Вас создан Личный кабинет!')).toBeVisible();
});
