import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { startTestSmtp, type TestSmtp } from '../../../test/smtp.js';
import { users } from '../auth/schema.js';
import { emailOutbox } from './schema.js';
import { createMailer, deliverPendingMail, notify } from './service.js';

describe('notifications', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  beforeEach(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ smtpUrl: smtp.url });
  });
  afterEach(async () => {
    await t.close();
    await smtp.close();
  });

  it('R-PLT-2 notifies in the app and by e-mail through SMTP', async () => {
    const staff = await t.createUser({ role: 'staff' });
    await t.deps.db.update(users).set({ email: 'staff@scut.test' }).where(eq(users.id, staff.id));
    await notify(t.deps.db, {
      userIds: [staff.id],
      kind: 'case.overdue',
      title: '办件已超期 OS260302-ABCDEF',
      body: '请尽快办理',
      link: '/desk/cases/1',
    });

    const client = await t.signIn(staff);
    const list = await client.get('/api/notifications');
    expect(list.json()).toMatchObject({
      unread: 1,
      items: [{ title: '办件已超期 OS260302-ABCDEF' }],
    });

    const mailer = createMailer(smtp.url);
    if (!mailer) {
      throw new Error('no mailer');
    }
    expect(await deliverPendingMail(t.deps, mailer)).toBe(1);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.subject).toBe('[OneStop] 办件已超期 OS260302-ABCDEF');
    expect(smtp.messages[0]?.text).toContain('请尽快办理');
    expect(await deliverPendingMail(t.deps, mailer)).toBe(0);
  });

  it('R-PLT-2 notices the same event once, however often it is sent', async () => {
    const staff = await t.createUser({ role: 'staff' });
    const notice = { userIds: [staff.id], kind: 'k', title: 'once', dedupeKey: 'case-1:red' };
    expect(await notify(t.deps.db, notice)).toBe(1);
    expect(await notify(t.deps.db, notice)).toBe(0);
    const list = await (await t.signIn(staff)).get('/api/notifications');
    expect(list.json().items).toHaveLength(1);
  });

  it('R-PLT-2 keeps a mail the server refused and tries it again later', async () => {
    const staff = await t.createUser({ role: 'staff' });
    await t.deps.db.update(users).set({ email: 'staff@scut.test' }).where(eq(users.id, staff.id));
    await notify(t.deps.db, { userIds: [staff.id], kind: 'k', title: 'retry me' });
    const broken = createMailer('smtp://127.0.0.1:1');
    if (!broken) {
      throw new Error('no mailer');
    }
    expect(await deliverPendingMail(t.deps, broken)).toBe(1);
    const [row] = await t.deps.db.select().from(emailOutbox);
    expect(row?.sentAt).toBeNull();
    expect(row?.attempts).toBe(1);
  });

  it('R-PLT-2 marks notifications read and denies the list to anonymous callers', async () => {
    const staff = await t.createUser({ role: 'staff' });
    await notify(t.deps.db, { userIds: [staff.id], kind: 'k', title: 'a' });
    const client = await t.signIn(staff);
    expect((await client.post('/api/notifications/read', {})).statusCode).toBe(204);
    expect((await client.get('/api/notifications')).json().unread).toBe(0);
    expect((await t.anonymous.get('/api/notifications')).statusCode).toBe(401);
  });
});
