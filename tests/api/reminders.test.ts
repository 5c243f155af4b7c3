import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from '../support/smtp-receiver';
import { ADMIN, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';

/**
 * The officers' daily reminders digest over a real SMTP conversation: each admin and officer
 * gets one e-mail in their language listing exactly the open requests overdue, due within 7
 * days and waiting on the subject, read as the officer reads it; an auditor gets none; nothing
 * is sent twice the same day; the dashboard counts the requests waiting on the subject.
 */

const PUBLIC_URL = 'https://privacy.vimage.test';
const PRIVATE = 'TESTO-RISERVATO-9921';
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const romeDay = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(instant);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

interface Created {
  id: string;
  reference: string;
  workingDueDate: string;
  subjectEmail: string;
}

describe('the daily reminders digest', () => {
  let c: TestConsole;
  let smtp: SmtpReceiver;
  let admin: string;
  let officer: string;
  const anna = { email: uniqueEmail('anna'), fullName: 'Anna Verdi', role: 'officer', language: 'it' };
  const john = { email: uniqueEmail('john'), fullName: 'John Doe', role: 'officer', language: 'en' };
  const carla = { email: uniqueEmail('carla'), fullName: 'Carla Auditor', role: 'auditor' };
  let overdue: Created;
  let dueSoon: Created;
  let waiting: Created;
  let answered: Created;
  let farAway: Created;
  let today: string;

  const mailTo = (address: string) => smtp.messages.filter((m) => m.envelopeTo.includes(address));
  const textOf = (mail: ReceivedMail) => `${mail.parsed.subject ?? ''}\n${mail.parsed.text ?? ''}`;
  const sendNow = (token = admin) => c.api('/api/reminders/send-now', { method: 'POST', token });

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    c = await startTestConsole({
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Privacy Vimage <privacy@vimage.it>',
        PUBLIC_URL,
        // Sent by hand in this test, not at 8:00.
        REMINDER_CRON: 'off',
      },
    });
    admin = await c.login();
    for (const user of [anna, john, carla]) {
      const res = await c.api('/api/users', { token: admin, body: { ...user, password: 'staff passphrase 2026' } });
      expect(res.status).toBe(201);
      expect(res.body.language).toBe('language' in user ? user.language : null);
    }
    officer = await c.login(anna.email, 'staff passphrase 2026');
    const create = async (body: Record<string, unknown>) => {
      const res = await c.api('/api/requests', {
        token: officer,
        body: { channel: 'email', language: 'it', description: `Richiesta dell'interessato. ${PRIVATE}`, ...body },
      });
      expect(res.status).toBe(201);
      return res.body as Created;
    };
    const giulia = { subjectName: 'Giulia Bianchi', subjectEmail: 'giulia.bianchi@example.it' };
    const mario = { subjectName: 'Mario Rossi', subjectEmail: 'mario.rossi@example.it' };
    // 40 days ago: past the 30-day working deadline. 27 days ago: due in 1 to 3 days.
    overdue = await create({ type: 'erasure', receivedAt: daysAgo(40), ...giulia });
    dueSoon = await create({ type: 'access', receivedAt: daysAgo(27), ...giulia });
    // Received 5 and 6 days ago: weeks to go; one waits for the subject's identity information, one has it.
    waiting = await create({ type: 'portability', receivedAt: daysAgo(5), ...mario });
    answered = await create({ type: 'access', receivedAt: daysAgo(6), ...mario });
    // A second subject's request received 2 days ago: not due, nothing awaited.
    farAway = await create({
      type: 'objection',
      receivedAt: daysAgo(2),
      subjectName: 'Luca Neri',
      subjectEmail: 'luca.neri@example.it',
    });
    for (const r of [waiting, answered]) {
      const asked = await c.api(`/api/requests/${r.id}/identity-info-requested`, {
        token: officer,
        body: {
          what: 'a copy of an identity document',
          how: 'email',
          askedAt: daysAgo(4),
          respondBy: romeDay(new Date(Date.now() + 10 * DAY)),
        },
      });
      expect(asked.status).toBe(200);
    }
    const arrived = await c.api(`/api/requests/${answered.id}/identity-info-received`, {
      token: officer,
      body: { receivedAt: daysAgo(1), what: 'identity card' },
    });
    expect(arrived.status).toBe(200);
    today = romeDay(new Date());
  });

  afterAll(async () => {
    await c?.close();
    await smtp?.close();
  });

  it('counts the requests waiting on the subject on the dashboard, beside overdue and due soon', async () => {
    const stats = await c.api('/api/requests/stats', { token: officer });
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ overdue: 1, dueWithin7Days: 1, waitingOnSubject: 1 });
    // The dashboard's link: the list filtered to those requests, and only them.
    const filter = {
      status: ['received', 'identity_check', 'in_progress'],
      identityInfoRequestedAt_gte: '2000-01-01',
      identityInfoReceivedAt: null,
    };
    const list = await c.api(`/api/requests?filter=${encodeURIComponent(JSON.stringify(filter))}`, { token: officer });
    expect(list.status).toBe(200);
    expect((list.body as Created[]).map((r) => r.reference)).toEqual([waiting.reference]);
  });

  it('refuses the send-now to an officer: admins only', async () => {
    expect((await sendNow(officer)).status).toBe(403);
    expect(smtp.messages).toHaveLength(0);
  });

  it('sends each admin and officer one digest in their language, listing exactly the right requests', async () => {
    const res = await sendNow();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ day: today, sent: 3, failed: 0, alreadySent: 0, nothingToReport: 0 });

    const late = daysBetween(overdue.workingDueDate, today);
    const left = daysBetween(today, dueSoon.workingDueDate);
    const waitingLeft = daysBetween(today, waiting.workingDueDate);
    expect(late).toBeGreaterThan(1);
    expect(left).toBeGreaterThanOrEqual(1);
    expect(left).toBeLessThanOrEqual(7);
    expect(waitingLeft).toBeGreaterThan(7);
    const link = (r: Created) => `${PUBLIC_URL}/#/requests/${r.id}/show`;

    // Anna chose Italian.
    const [toAnna, ...moreToAnna] = mailTo(anna.email);
    expect(moreToAnna).toHaveLength(0);
    expect(toAnna.parsed.subject).toMatch(
      /^Promemoria richieste privacy del .+: 1 scaduta, 1 in scadenza, 1 in attesa dell'interessato$/,
    );
    const italian = toAnna.parsed.text ?? '';
    expect(italian).toContain('Buongiorno Anna Verdi,');
    expect(italian).toContain(
      `Scadute (1)\n- ${overdue.reference} · Cancellazione · Giulia Bianchi · scaduta da ${late} giorni`,
    );
    expect(italian).toContain(`  ${link(overdue)}`);
    expect(italian).toContain(
      `In scadenza entro 7 giorni (1)\n- ${dueSoon.reference} · Accesso · Giulia Bianchi · ${
        left === 1 ? 'scade domani' : `${left} giorni alla scadenza`
      }`,
    );
    expect(italian).toContain(
      `- ${waiting.reference} · Portabilità · Mario Rossi · ${waitingLeft} giorni alla scadenza`,
    );
    expect(italian).toContain(`  ${link(waiting)}`);

    // John chose English.
    const [toJohn, ...moreToJohn] = mailTo(john.email);
    expect(moreToJohn).toHaveLength(0);
    expect(toJohn.parsed.subject).toMatch(
      /^Privacy requests reminder for .+: 1 overdue, 1 due soon, 1 waiting on the subject$/,
    );
    const english = toJohn.parsed.text ?? '';
    expect(english).toContain('Good morning John Doe,');
    expect(english).toContain(`Overdue (1)\n- ${overdue.reference} · Erasure · Giulia Bianchi · ${late} days late`);
    expect(english).toContain(
      `Due within 7 days (1)\n- ${dueSoon.reference} · Access · Giulia Bianchi · ${
        left === 1 ? 'due tomorrow' : `${left} days left`
      }`,
    );
    expect(english).toContain(
      `Waiting on the subject (identity information asked for and not yet received) (1)\n- ${waiting.reference} · Portability · Mario Rossi · ${waitingLeft} days left`,
    );
    expect(english).not.toMatch(/\b(scadute|giorni|interessato|Buongiorno)\b/);
    expect(italian).not.toMatch(/\b(overdue|days|waiting|Good morning)\b/);

    // The administrator chose no language: the console's default, Italian.
    const [toAdmin, ...moreToAdmin] = mailTo(ADMIN.email);
    expect(moreToAdmin).toHaveLength(0);
    expect(textOf(toAdmin)).toContain('Buongiorno Administrator,');
    expect(textOf(toAdmin)).toContain(`- ${overdue.reference} · Cancellazione`);

    for (const mail of [toAnna, toJohn, toAdmin]) {
      const text = textOf(mail);
      // Exactly three requests: the one received, the far-away one and the closed ones are not there.
      expect(text.match(/^- DSR-/gm)).toHaveLength(3);
      expect(text).not.toContain(answered.reference);
      expect(text).not.toContain(farAway.reference);
      expect(text).not.toContain('Luca Neri');
      // No personal data beyond a name: no e-mail address, no message text.
      expect(text).not.toMatch(/@example\.it/);
      expect(text).not.toContain(PRIVATE);
      expect(mail.envelopeTo).toHaveLength(1);
    }

    // The auditor reads, and gets no digest.
    expect(mailTo(carla.email)).toHaveLength(0);
    expect(smtp.messages).toHaveLength(3);
  });

  it('audits the run with its counts, never the content', async () => {
    const res = await c.api(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'reminders.sent' }))}`,
      { token: admin },
    );
    expect(res.status).toBe(200);
    const [event] = res.body as Array<{ actorEmail: string | null; details: Record<string, unknown> }>;
    expect(event.actorEmail).toBe(ADMIN.email);
    expect(event.details).toMatchObject({ trigger: 'manual', day: today, sent: 3, failed: 0 });
    expect(event.details.recipients).toHaveLength(3);
    expect(event.details.recipients).toContainEqual(expect.objectContaining({ overdue: 1, dueSoon: 1, waiting: 1 }));
    const details = JSON.stringify(event.details);
    expect(details).not.toContain('Giulia');
    expect(details).not.toContain(overdue.reference);
  });

  it('sends nothing the second time the same day', async () => {
    const res = await sendNow();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ day: today, sent: 0, failed: 0, alreadySent: 3, nothingToReport: 0 });
    expect(smtp.messages).toHaveLength(3);
  });
});

describe('the daily reminders digest on its schedule', () => {
  let c: TestConsole;
  let smtp: SmtpReceiver;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    c = await startTestConsole({
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Privacy Vimage <privacy@vimage.it>',
        // Every second: the schedule fires again and again, the digest still goes once a day.
        REMINDER_CRON: '* * * * * *',
        REMINDER_LANGUAGE: 'en',
      },
    });
  });

  afterAll(async () => {
    await c?.close();
    await smtp?.close();
  });

  it('sends each one digest on its own, once the day however often it fires, without a link when PUBLIC_URL is unset', async () => {
    const admin = await c.login();
    const schedule = await c.api('/api/reminders/schedule', { token: admin });
    expect(schedule.status).toBe(200);
    expect(schedule.body.schedule).toMatchObject({ cron: '* * * * * *', timeZone: 'Europe/Rome' });
    const created = await c.api('/api/requests', {
      token: admin,
      body: {
        type: 'access',
        channel: 'email',
        language: 'it',
        receivedAt: daysAgo(40),
        subjectName: 'Giulia Bianchi',
      },
    });
    expect(created.status).toBe(201);

    const mail = await smtp.waitFor((m) => m.envelopeTo.includes(ADMIN.email), 10_000);
    // The admin names no language: REMINDER_LANGUAGE, English here.
    expect(mail.parsed.subject).toMatch(
      /^Privacy requests reminder for .+: 1 overdue, 0 due soon, 0 waiting on the subject$/,
    );
    expect(mail.parsed.text).toContain(`- ${(created.body as Created).reference} · Access · Giulia Bianchi ·`);
    expect(mail.parsed.text).not.toContain('http');
    expect(mail.parsed.text).toContain("search for its reference in the console's request list");
    // Three more ticks: nothing more.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(smtp.messages).toHaveLength(1);

    const audit = await c.api(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'reminders.sent' }))}`,
      { token: admin },
    );
    expect(audit.body).toHaveLength(1);
    expect(audit.body[0]).toMatchObject({ actorEmail: null, details: { trigger: 'schedule', sent: 1 } });
  });
});
