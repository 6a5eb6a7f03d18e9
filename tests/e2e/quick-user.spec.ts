// A quick subscriber: one who lets the browser fill the form and presses
// the button at once, on a slow phone, while «Защита от роботов» still runs.
// The press is a request to send: the form waits for the check and sends
// itself; nothing is refused and no stale message stays.
import { expect, test, type Page } from './support/fixtures';
import { PASSWORD, RecoverPage, RegisterPage, confirmedSubscriber, freshEmail } from './support/kabinet';

const WAITING = 'Форма будет отправлена автоматически, как только закончится проверка «Защита от роботов».';

/** Holds every robot-check challenge until `release()`: the check is surely
 *  still running when the test presses the button. */
async function holdChallenges(page: Page, then: 'continue' | 'fail' = 'continue') {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let mode = then;
  await page.route('**/api/v1/captcha', async (route) => {
    await released;
    return mode === 'continue' ? route.continue() : route.abort('connectionrefused');
  });
  return { release, answerNormally: () => (mode = 'continue') };
}

/** A phone four times slower than this machine (as Lighthouse's mobile preset). */
async function slowPhone(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

test('registration: fill and press at once on a slow phone reaches «check your mail»', async ({ page }) => {
  await slowPhone(page);
  const register = new RegisterPage(page);
  await register.open();
  await register.fill(freshEmail('quick'), PASSWORD);
  await register.submit().click();
  await expect(page).toHaveURL(/\/register\/done/, { timeout: 20_000 });
  await expect(page.getByText('Вы успешно зарегистрированы в Системе.')).toBeVisible();
});

test('recovery: fill and press at once on a slow phone reaches «check your mail»', async ({ page, request }) => {
  const email = await confirmedSubscriber(page, request);
  await page.getByRole('button', { name: 'Выход' }).click();
  await expect(page).toHaveURL(/\/login/);
  await slowPhone(page);
  const recover = new RecoverPage(page);
  await recover.open();
  await recover.email().fill(email);
  await recover.submit().click();
  await expect(page.getByText('на него отправлено письмо со ссылкой для смены пароля')).toBeVisible({ timeout: 20_000 });
});

test('a press during a slow check says the form will go by itself, then sends it', async ({ page }) => {
  const challenges = await holdChallenges(page);
  const register = new RegisterPage(page);
  await register.open();
  await register.fill(freshEmail('wait'), PASSWORD);
  await register.submit().click();
  await expect(page.getByRole('status').filter({ hasText: WAITING })).toBeVisible();
  await expect(page.getByText('Дождитесь окончания проверки')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  challenges.release();
  await expect(page).toHaveURL(/\/register\/done/, { timeout: 20_000 });
});

test('a check that fails after the press says so, offers the retry, keeps the input and leaves no stale line', async ({ page }) => {
  const challenges = await holdChallenges(page, 'fail');
  const email = freshEmail('retry');
  const register = new RegisterPage(page);
  await register.open();
  await register.fill(email, PASSWORD);
  await register.submit().click();
  await expect(page.getByRole('status').filter({ hasText: WAITING })).toBeVisible();
  challenges.release();

  const summary = page.getByRole('alert').filter({ hasText: 'Проверка «Защита от роботов» не пройдена' });
  await expect(summary).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: WAITING })).toHaveCount(0);
  await expect(register.email()).toHaveValue(email);
  await expect(register.password()).toHaveValue(PASSWORD);

  challenges.answerNormally();
  await page.getByRole('button', { name: 'Повторить проверку' }).click();
  await register.robotCheckPassed();
  // Passed: the line about the failure is gone, the typed values are not.
  await expect(summary).toHaveCount(0);
  await expect(register.email()).toHaveValue(email);
  await register.submit().click();
  await expect(page).toHaveURL(/\/register\/done/);
});

test('recovery: a press during a slow check is sent when the check passes', async ({ page }) => {
  const challenges = await holdChallenges(page);
  const recover = new RecoverPage(page);
  await recover.open();
  await recover.email().fill(freshEmail('nobody'));
  await recover.submit().click();
  await expect(page.getByRole('status').filter({ hasText: WAITING })).toBeVisible();
  challenges.release();
  // Worded the same whether or not the address is registered.
  await expect(page.getByText('на него отправлено письмо со ссылкой для смены пароля')).toBeVisible({ timeout: 20_000 });
});
