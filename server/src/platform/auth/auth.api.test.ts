import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, testPassword, type TestApp } from '../../../test/harness.js';

describe('accounts and sessions', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('R-PLT-1 signs in with a local account and reads who is signed in', async () => {
    const user = await t.createUser({ role: 'applicant', phone: '13812345678' });
    const client = await t.signIn(user);
    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: user.username, role: 'applicant' });
  });

  it('R-PLT-8 masks the phone number on the profile', async () => {
    const user = await t.createUser({ role: 'applicant', phone: '13812345678' });
    const client = await t.signIn(user);
    expect((await client.get('/api/auth/me')).json().phone).toBe('138****5678');
  });

  it('R-PLT-9 locks an account after 5 failed sign-ins for 15 minutes', async () => {
    const user = await t.createUser({ role: 'applicant' });
    t.setNow('2026-03-02T02:00:00Z');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const failed = await t.anonymous.post('/api/auth/login', {
        username: user.username,
        password: 'wrong-password',
      });
      expect(failed.statusCode).toBe(401);
    }
    const locked = await t.anonymous.post('/api/auth/login', {
      username: user.username,
      password: testPassword,
    });
    expect(locked.statusCode).toBe(423);

    t.setNow('2026-03-02T02:14:59Z');
    expect(
      (
        await t.anonymous.post('/api/auth/login', {
          username: user.username,
          password: testPassword,
        })
      ).statusCode,
    ).toBe(423);
    t.setNow('2026-03-02T02:15:01Z');
    expect(
      (
        await t.anonymous.post('/api/auth/login', {
          username: user.username,
          password: testPassword,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('R-PLT-9 ends a session idle for more than 30 minutes', async () => {
    const user = await t.createUser({ role: 'applicant' });
    t.setNow('2026-03-02T02:00:00Z');
    const client = await t.signIn(user);
    t.setNow('2026-03-02T02:29:00Z');
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    t.setNow('2026-03-02T03:00:00Z');
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('R-PLT-9 ends every session of an account when it is disabled', async () => {
    const admin = await t.createUser({ role: 'center-admin' });
    const user = await t.createUser({ role: 'applicant' });
    const userClient = await t.signIn(user);
    const adminClient = await t.signIn(admin);
    const disabled = await adminClient.patch(`/api/users/${user.id}`, { isDisabled: true });
    expect(disabled.statusCode).toBe(200);
    expect((await userClient.get('/api/auth/me')).statusCode).toBe(401);
    expect(
      (
        await t.anonymous.post('/api/auth/login', {
          username: user.username,
          password: testPassword,
        })
      ).statusCode,
    ).toBe(401);
  });

  it('R-PLT-9 refuses a password outside the policy with every reason', async () => {
    const response = await t.anonymous.post('/api/auth/register', {
      username: 'newcomer',
      password: 'short',
      displayName: '新同学',
      applicantKind: 'student',
    });
    expect(response.statusCode).toBe(422);
    const messages = response.json().issues.map((issue: { message: string }) => issue.message);
    expect(messages).toHaveLength(2);
  });

  it('R-PLT-9 refuses a change without the CSRF token', async () => {
    const admin = await t.createUser({ role: 'center-admin' });
    const client = await t.signIn(admin);
    await client.get('/api/auth/me');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: await loginCookie(t, admin.username) },
    });
    expect(response.statusCode).toBe(403);
  });

  it('denies the user list to everyone but center administrators', async () => {
    const center = await t.createUser({ role: 'center' });
    expect((await t.anonymous.get('/api/users')).statusCode).toBe(401);
    expect((await (await t.signIn(center)).get('/api/users')).statusCode).toBe(403);
  });

  it('answers bad sign-up input with 422 and every field', async () => {
    const response = await t.anonymous.post('/api/auth/register', {
      username: '!',
      password: '',
      applicantKind: 'alien',
    });
    expect(response.statusCode).toBe(422);
    const paths = response.json().issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.username',
        'body.password',
        'body.displayName',
        'body.applicantKind',
      ]),
    );
  });
});

describe('usernames', () => {
  it('R-PLT-9 are one account whatever their letter case', async () => {
    const t = await createTestApp();
    try {
      const signUp = (username: string) =>
        t.anonymous.post('/api/auth/register', {
          username,
          password: 'Strong#Pass1',
          displayName: '张同学',
          applicantKind: 'student',
        });
      expect((await signUp('Zhang.San')).statusCode).toBe(201);
      expect((await signUp('zhang.san')).statusCode).toBe(409);
      const login = await t.anonymous.post('/api/auth/login', {
        username: 'ZHANG.SAN',
        password: 'Strong#Pass1',
      });
      expect(login.json().user.username).toBe('zhang.san');
    } finally {
      await t.close();
    }
  });
});

async function loginCookie(t: TestApp, username: string): Promise<string> {
  const response = await t.anonymous.post('/api/auth/login', { username, password: testPassword });
  return response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
