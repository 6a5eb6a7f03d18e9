// A confirmed, signed-in subscriber made through the API alone, for tools
// that are not a browser (schemathesis, benchmarks): solves the robot check
// (the same ALTCHA v1 search the app does), registers, confirms through the
// reference API's outbox, logs in.
//
//   node support/subscriber.mjs http://127.0.0.1:8090
//
// prints the session cookie (`kabinet_session=…`) on stdout.
import { createHash } from 'node:crypto';

const WRITE = { 'Content-Type': 'application/json', 'X-Requested-With': 'kabinet' };

async function call(base, method, path, body) {
  const answer = await fetch(`${base}${path}`, {
    method,
    headers: WRITE,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
  return answer;
}

/** The `captcha` field of a registration: the solved challenge, base64 JSON. */
export async function solveCaptcha(base) {
  const challenge = await (await call(base, 'GET', '/api/v1/captcha')).json();
  for (let number = 0; number <= challenge.maxnumber; number += 1) {
    const hash = createHash('sha256').update(`${challenge.salt}${number}`).digest('hex');
    if (hash === challenge.challenge) {
      const { algorithm, salt, signature } = challenge;
      const solution = { algorithm, challenge: challenge.challenge, number, salt, signature };
      return Buffer.from(JSON.stringify(solution)).toString('base64');
    }
  }
  throw new Error('the robot check has no solution');
}

/** Registers, confirms and signs in a fresh subscriber; returns the cookie. */
export async function signedInSubscriber(base, password = 'Gaz2026ok') {
  const email = `tool.${Date.now().toString(36)}${process.pid.toString(36)}@example.ru`;
  await call(base, 'POST', '/api/v1/registrations', { email, password, captcha: await solveCaptcha(base) });
  const mails = await (await fetch(`${base}/api/dev/outbox?to=${encodeURIComponent(email)}`)).json();
  const token = new URL(mails[0].links[0]).searchParams.get('token');
  await call(base, 'POST', '/api/v1/registrations/confirm', { token });
  const login = await call(base, 'POST', '/api/v1/session', { email, password });
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('kabinet_session='));
  if (!cookie) throw new Error('login set no session cookie');
  return { email, cookie: cookie.split(';')[0] };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const base = process.argv[2] ?? 'http://127.0.0.1:8090';
  const { cookie } = await signedInSubscriber(base);
  console.log(cookie);
}
