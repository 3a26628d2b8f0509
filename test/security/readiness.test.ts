import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { freePort } from '../support/ports.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** /readyz told anyone the internal mail server's host and port, and every error's text. */
describe('/readyz', () => {
  it('says only ok or not for each check, and the details to whoever has HEALTH_TOKEN', async () => {
    const token = 'health-token-0123456789abcdef';
    const port = String(await freePort());
    t = await startTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: port, HEALTH_TOKEN: token } });
    const api = supertest(t.app);
    const anyone = await api.get('/readyz');
    expect(anyone.body.checks.smtp).toEqual({ ok: false });
    expect(anyone.body.checks.database).toEqual({ ok: true });
    expect(JSON.stringify(anyone.body)).not.toContain(`127.0.0.1:${port}`);
    for (const wrong of ['Bearer nope', `Bearer ${token}x`, token, `Bearer ${token.slice(0, -1)}`]) {
      expect(JSON.stringify((await api.get('/readyz').set('Authorization', wrong)).body)).not.toContain(`127.0.0.1:${port}`);
    }
    const operator = await api.get('/readyz').set('Authorization', `Bearer ${token}`);
    expect(operator.body.checks.smtp).toMatchObject({ ok: false });
    expect(JSON.stringify(operator.body)).toContain(`127.0.0.1:${port}`);
  }, 30_000);
});
