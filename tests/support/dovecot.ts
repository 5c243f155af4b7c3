import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from './free-port';

/**
 * A real IMAP server for a test file: Debian's dovecot (dovecot-imapd, installed by .ci/run),
 * started as an ordinary process with its own configuration in a temporary folder, listening on
 * its own loopback port with plain-text login (as on a server on the same host), one user from a
 * passwd file and a maildir in the same folder.
 */
export interface TestMailServer {
  port: number;
  user: string;
  password: string;
  /** imap://user:password@127.0.0.1:port/INBOX, for IMAP_URL. */
  url: string;
  /** A client signed in as the mailbox's user (a sender's mail "arriving", or a look at the folders). */
  client(): Promise<ImapFlow>;
  /** Delivers a message into a folder, as the provider's mail server would. */
  deliver(raw: string | Buffer, folder?: string): Promise<void>;
  /** The raw messages in a folder, with their flags. */
  messages(folder: string): Promise<Array<{ uid: number; flags: string[]; source: string }>>;
  stop(): Promise<void>;
}

const DOVECOT = '/usr/sbin/dovecot';

export async function startDovecot(): Promise<TestMailServer> {
  const dir = mkdtempSync(join(tmpdir(), 'privacy-console-imap-'));
  const port = await freePort();
  const user = 'privacy';
  const password = 'imap-test-password';
  const root = process.getuid?.() === 0;
  // Dovecot gives no mail access to uid 0: as root, the mail belongs to its own unprivileged user.
  const uid = root ? 'dovecot' : String(process.getuid?.() ?? 1000);
  const gid = root ? 'dovecot' : String(process.getgid?.() ?? 1000);
  const mail = join(dir, 'mail');
  mkdirSync(mail);
  mkdirSync(join(dir, 'run'));
  if (root) {
    const { uid: u, gid: g } = dovecotIds();
    chownSync(mail, u, g);
    // Its auth process reads the passwd file as that user: the folder must let it through.
    chmodSync(dir, 0o711);
  }
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}::::${mail}\n`);
  writeFileSync(
    join(dir, 'dovecot.conf'),
    [
      `base_dir = ${join(dir, 'run')}`,
      `state_dir = ${join(dir, 'run')}`,
      `instance_name = test-${port}`,
      'protocols = imap',
      `listen = 127.0.0.1`,
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      `log_path = ${join(dir, 'dovecot.log')}`,
      ...(root
        ? []
        : [
            `default_login_user = ${process.env.USER ?? 'nobody'}`,
            `default_internal_user = ${process.env.USER ?? 'nobody'}`,
          ]),
      `mail_location = maildir:${mail}/Maildir`,
      `mail_uid = ${uid}`,
      `mail_gid = ${gid}`,
      'first_valid_uid = 1',
      'service imap-login {',
      `  inet_listener imap {`,
      `    address = 127.0.0.1`,
      `    port = ${port}`,
      '  }',
      '  inet_listener imaps {',
      '    port = 0',
      '  }',
      '}',
      'service anvil {',
      '  chroot =',
      '}',
      'service imap-login {',
      '  chroot =',
      '}',
      'passdb {',
      '  driver = passwd-file',
      `  args = ${join(dir, 'users')}`,
      '}',
      'userdb {',
      '  driver = passwd-file',
      `  args = ${join(dir, 'users')}`,
      '}',
      'namespace inbox {',
      '  inbox = yes',
      '  separator = /',
      '}',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await waitForPort(port, child, () => stderr);

  const url = `imap://${user}:${password}@127.0.0.1:${port}/INBOX`;
  const client = async () => {
    const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false });
    await c.connect();
    return c;
  };
  return {
    port,
    user,
    password,
    url,
    client,
    async deliver(raw, folder = 'INBOX') {
      const c = await client();
      try {
        await c.append(folder, raw);
      } finally {
        await c.logout();
      }
    },
    async messages(folder) {
      const c = await client();
      try {
        const lock = await c.getMailboxLock(folder);
        try {
          const found: Array<{ uid: number; flags: string[]; source: string }> = [];
          if (c.mailbox && c.mailbox.exists === 0) return found;
          for await (const m of c.fetch('1:*', { uid: true, flags: true, source: true })) {
            found.push({ uid: m.uid, flags: [...(m.flags ?? [])], source: m.source?.toString('utf8') ?? '' });
          }
          return found;
        } finally {
          lock.release();
        }
      } finally {
        await c.logout();
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!process.env.KEEP_DOVECOT) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function dovecotIds(): { uid: number; gid: number } {
  // /etc/passwd: dovecot:x:109:117:...
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('dovecot:'));
  if (!line) throw new Error('the dovecot user is missing: install dovecot-imapd (apt-get install -y dovecot-imapd)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

async function waitForPort(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dovecot exited (${child.exitCode}): ${stderr()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`dovecot did not listen on ${port} within 15 s: ${stderr()}`);
}
