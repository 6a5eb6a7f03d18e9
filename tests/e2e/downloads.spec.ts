// One download per wasm file: the loader's early fetches are the ones the
// glue and the split modules' loader use, and the idle prefetch skips what
// was fetched already (xtask/src/release.rs, boot_script). A preload that
// the app's own fetch does not match costs a second download of the same
// file (WebKit did so for every module with `<link rel=preload as=fetch>`).
import { test, expect, type Page } from './support/fixtures';
import { takenOver } from './support/kabinet';

/** Every wasm file the release's loader names (the main one and each page's). */
async function wasmFilesOf(page: Page, address: string): Promise<string[]> {
  const html = await (await page.request.get(address)).text();
  const boot = html.match(/\/boot-[0-9a-f]{16}\.js/)?.[0];
  expect(boot, `${address} names its loader`).toBeTruthy();
  const script = await (await page.request.get(boot!)).text();
  return [...new Set(script.match(/\/[\w-]+\.wasm/g) ?? [])].sort();
}

for (const [address, heading] of [
  ['/login', 'Вход в Личный кабинет'],
  ['/register', 'Регистрация'],
  // Signed out: the app sends the visitor to /login.
  ['/settings', 'Вход в Личный кабинет'],
] as const) {
  test(`${address}: every wasm file is downloaded exactly once, prefetch included`, async ({ page }) => {
    const files = await wasmFilesOf(page, address);
    expect(files.length).toBeGreaterThan(2);
    const asked = new Map<string, number>();
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('.wasm')) asked.set(path, (asked.get(path) ?? 0) + 1);
    });
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await takenOver(page);
    // The opened page's files at once, every other one at idle.
    await expect.poll(() => [...asked.keys()].sort(), { timeout: 20_000 }).toEqual(files);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    expect(Object.fromEntries(asked)).toEqual(Object.fromEntries(files.map((f) => [f, 1])));
  });
}
