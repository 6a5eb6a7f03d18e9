// A first smoke test so that the pipeline runs end to end; the journeys of
// the cabinet replace it.
import { test, expect } from './support/fixtures';

test('the app page loads', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.ok()).toBeTruthy();
  await expect(page.locator('body')).toBeVisible();
});

test('robots.txt is served as a file, not the app', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.ok()).toBeTruthy();
  expect(await response.text()).not.toContain('<html');
});
