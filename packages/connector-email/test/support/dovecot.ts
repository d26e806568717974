import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, chownSync, constants, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';

/** Where Debian's dovecot-imapd puts the server; also looked up on PATH. */
export function findDovecot(): string | undefined {
  const dirs = ['/usr/sbin', '/usr/local/sbin', '/sbin', ...(process.env.PATH ?? '').split(':')];
  for (const dir of dirs) {
    const file = join(dir, 'dovecot');
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // next
    }
  }
  return undefined;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Who owns the mail: as root, `nobody` (dovecot refuses uid 0 for mail); otherwise ourselves,
 * with dovecot running every process as us (checked both ways on Debian 12's dovecot 2.3).
 */
export function mailOwner(): { uid: number; gid: number; root: boolean } {
  const root = process.getuid?.() === 0;
  return root ? { uid: 65534, gid: 65534, root } : { uid: process.getuid!(), gid: process.getgid!(), root };
}

/** The name of group `gid` (dovecot's settings take names), from /etc/group. */
function groupName(gid: number): string | undefined {
  try {
    return readFileSync('/etc/group', 'utf8').split('\n').map((line) => line.split(':')).find((fields) => fields[2] === String(gid))?.[0];
  } catch {
    return undefined;
  }
}

export interface Dovecot {
  port: number;
  /** The implicit-TLS (imaps) port, when started with a certificate. */
  tlsPort: number | undefined;
  /** The user's Maildir (cur/new/tmp). */
  maildir: string;
  log(): string;
  stop(): Promise<void>;
  /** Stops the server and starts it again on the same port and Maildir (a network loss). */
  restart(): Promise<void>;
}

/**
 * A throwaway dovecot for one test file: its own config, passwd-file and Maildir under `dir`,
 * IMAP on 127.0.0.1:`port` without TLS (plaintext login allowed), run in the foreground as a
 * child of the test so it ends with it.
 */
export async function startDovecot(binary: string, dir: string, account: { user: string; password: string }, tls?: { cert: string; key: string }): Promise<Dovecot> {
  const port = await freePort();
  const tlsPort = tls ? await freePort() : undefined;
  const owner = mailOwner();
  // The login and auth processes run as dovecot's own users when we are root: they must reach the sockets.
  chmodSync(dir, 0o755);
  const mailRoot = join(dir, 'mail');
  const maildir = join(mailRoot, account.user.split('@')[0]!);
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(maildir, sub), { recursive: true });
  mkdirSync(join(dir, 'home'), { recursive: true });
  if (owner.root) for (const path of [mailRoot, maildir, ...['cur', 'new', 'tmp'].map((s) => join(maildir, s)), join(dir, 'home')]) chownSync(path, owner.uid, owner.gid);
  writeFileSync(join(dir, 'users'), `${account.user}:{PLAIN}${account.password}\n`);
  const me = userInfo().username;
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
${tls ? `ssl = yes\nssl_cert = <${tls.cert}\nssl_key = <${tls.key}` : 'ssl = no'}
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${owner.root ? 'dovecot' : me}
default_login_user = ${owner.root ? 'dovenull' : me}
${owner.root ? '' : `default_internal_group = ${groupName(owner.gid) ?? me}\n`}first_valid_uid = 1
mail_location = maildir:${mailRoot}/%n
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${owner.uid} gid=${owner.gid} home=${dir}/home/%n
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${tlsPort ?? 0}
  }
  chroot =
}
service anvil {
  chroot =
}
`,
  );
  const conf = join(dir, 'dovecot.conf');
  const log = () => {
    try {
      return readFileSync(join(dir, 'dovecot.log'), 'utf8');
    } catch {
      return '';
    }
  };
  let server = await launch(binary, conf, port, log);
  return {
    port,
    tlsPort,
    maildir,
    log,
    stop: () => server.stop(),
    async restart() {
      await server.stop();
      server = await launch(binary, conf, port, log);
    },
  };
}

/** Runs dovecot in the foreground as a child of the test, until stop(). */
async function launch(binary: string, conf: string, port: number, log: () => string): Promise<{ stop(): Promise<void> }> {
  // Its own process group, so a stop also ends the imap processes serving open connections
  // (they outlive the master otherwise): a stop is a real loss of the server.
  const child: ChildProcess = spawn(binary, ['-F', '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForGreeting(port, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`dovecot did not start: ${(error as Error).message}\n${stderr}${log()}`);
  }
  return {
    async stop() {
      const group = (signal: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          // already gone
        }
      };
      if (child.exitCode === null) {
        group('SIGTERM');
        const timer = setTimeout(() => group('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      group('SIGKILL');
    },
  };
}

/** Resolves once the server sends its `* OK` greeting. */
async function waitForGreeting(port: number, child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.setTimeout(2000, () => socket.destroy());
      socket.once('data', (data) => {
        socket.end('a LOGOUT\r\n');
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.once('close', () => resolve(false));
    });
    if (greeted) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no IMAP greeting on 127.0.0.1:${port} within ${timeoutMs} ms`);
}
