// The release as deployed (`cargo xtask test`: nginx with deploy/nginx.conf,
// the API on an origin of its own): precompressed files, caching, routes,
// headers. Skipped where the API shares the app's origin (other stacks).
import { API_URL, expect, test } from './support/fixtures';

test.skip(({ baseURL }) => API_URL === baseURL?.replace(/\/+$/, ''), 'only where the API has an origin of its own');

const SECURITY: Record<string, RegExp> = {
  'content-security-policy': /frame-ancestors 'none'/,
  'x-content-type-options': /^nosniff$/,
  'referrer-policy': /^same-origin$/,
  'permissions-policy': /camera=\(\)/,
};

test('the page names the API, and its policy lets the app reach it and nothing else', async ({ request }) => {
  const page = await request.get('/login');
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain(`<meta name="kabinet:api-base" content="${API_URL}">`);
  const csp = page.headers()['content-security-policy'];
  expect(csp).toContain(`connect-src 'self' ${API_URL};`);
  for (const [name, value] of Object.entries(SECURITY)) expect(page.headers()[name], name).toMatch(value);
  expect(page.headers()['cache-control']).toBe('no-cache');
});

test('hashed files are precompressed and cached for a year; the page is revalidated', async ({ request }) => {
  // The app's page (index.html), which every address without a saved page gets.
  const html = await (await request.get('/accounts')).text();
  const files = [...html.matchAll(/(?:src|href)="\/([^"]+-[0-9a-f]{8,16}(?:_bg)?\.(?:js|wasm|css))"/g)].map((m) => m[1]);
  // The main wasm and the pages' modules, which the loader names.
  const boot = files.find((f) => f.startsWith('boot-'));
  expect(boot).toBeDefined();
  const loader = await (await request.get(`/${boot}`)).text();
  const modules = [...new Set([...loader.matchAll(/"\/((?:split|chunk)_[^"]+-[0-9a-f]{16}\.wasm|[^"]+-[0-9a-f]{16}_bg\.wasm)"/g)].map((m) => m[1]))];
  expect(modules.some((f) => f.startsWith('split_')) && modules.some((f) => f.startsWith('chunk_'))).toBe(true);
  expect(modules.some((f) => f.endsWith('_bg.wasm'))).toBe(true);
  files.push(...modules);
  for (const file of files) {
    for (const encoding of ['br', 'gzip']) {
      const answer = await request.get(`/${file}`, { headers: { 'Accept-Encoding': encoding } });
      expect(answer.status(), file).toBe(200);
      expect(answer.headers()['content-encoding'], `${file} ${encoding}`).toBe(encoding);
      expect(answer.headers()['vary'], file).toMatch(/Accept-Encoding/i);
      expect(answer.headers()['cache-control'], file).toBe('public, max-age=31536000, immutable');
      if (file.endsWith('.wasm')) expect(answer.headers()['content-type']).toBe('application/wasm');
      // A document's policies go with the pages only; nosniff with everything.
      expect(answer.headers()['x-content-type-options'], file).toBe('nosniff');
      for (const name of ['content-security-policy', 'permissions-policy', 'x-frame-options']) {
        expect(answer.headers()[name], `${file} ${name}`).toBeUndefined();
      }
    }
  }
  const index = await request.get('/index.html', { headers: { 'Accept-Encoding': 'br' } });
  expect(index.headers()['content-encoding']).toBe('br');
  expect(index.headers()['cache-control']).toBe('no-cache');
});

test('app routes get the page; a missing file is a 404 with the same headers', async ({ request }) => {
  for (const path of ['/', '/accounts/7', '/no/such/page']) {
    const answer = await request.get(path);
    expect(answer.status(), path).toBe(200);
    expect(await answer.text(), path).toContain('kabinet:api-base');
  }
  for (const path of ['/missing.png', '/accounts/7.json', '/kabinet-0123456789abcdef.js']) {
    const answer = await request.get(path);
    expect(answer.status(), path).toBe(404);
    expect(await answer.text(), path).not.toContain('kabinet:api-base');
    for (const [name, value] of Object.entries(SECURITY)) expect(answer.headers()[name], `${path} ${name}`).toMatch(value);
  }
});

test('the API answers the app\'s origin with credentials and refuses others', async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const preflight = await request.fetch(`${API_URL}/api/v1/session`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-requested-with' },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()['access-control-allow-origin']).toBe(origin);
  expect(preflight.headers()['access-control-allow-credentials']).toBe('true');
  const foreign = await request.fetch(`${API_URL}/api/v1/session`, {
    method: 'OPTIONS',
    headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
  });
  expect(foreign.status()).toBe(403);
  expect(foreign.headers()['access-control-allow-origin']).toBeUndefined();
  const read = await request.get(`${API_URL}/api/v1/suppliers`, { headers: { Origin: origin } });
  expect(read.headers()['access-control-expose-headers']).toBe('Retry-After');
});
