// Test harness: a real PostgreSQL server (Debian's packaged binaries) in a temporary folder, with password
// (scram-sha-256) authentication on 127.0.0.1 and a free port; one per test file, deleted by stop().
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

export interface PostgresServer {
  host: string;
  port: number;
  /** The server's self-signed certificate (PEM) when started with ssl: true. */
  certificateFile?: string;
  /** Directory of the server's unix socket. */
  socketDir: string;
  /** Password of the `postgres` superuser (random per server). */
  password: string;
  /** postgresql://postgres:PASSWORD@127.0.0.1:PORT/postgres */
  superuserUrl: string;
  /**
   * Creates a database, runs `sql` in it (as superuser) and returns its URL. An array runs as separate
   * transactions (needed e.g. to use a label added by ALTER TYPE ... ADD VALUE).
   */
  createDatabase(name: string, sql?: string | string[]): Promise<string>;
  /** URL of an existing database, as the superuser. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/** Where the server binaries are, or undefined when PostgreSQL is not installed. */
export function findPostgresBinaries(): string | undefined {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // pg_config missing: look in Debian's versioned folders below.
  }
  const debianRoot = '/usr/lib/postgresql';
  if (fs.existsSync(debianRoot)) {
    for (const version of fs.readdirSync(debianRoot).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(debianRoot, version, 'bin'));
  }
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')));
}

/**
 * Why the harness cannot run here, or undefined when it can. Tests pass this to `skip` so the reason shows.
 * As root the server runs as the `postgres` OS user (PostgreSQL refuses root); any other user runs it directly.
 */
export function postgresUnavailableReason(): string | undefined {
  if (!findPostgresBinaries()) return 'PostgreSQL server binaries not found (apt-get install postgresql): database tests skipped';
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) {
    return 'running as root without a "postgres" OS user to run the server: database tests skipped';
  }
  return undefined;
}

export interface StartOptions {
  /** Serve TLS with a fresh self-signed certificate for 127.0.0.1 (written to `certificateFile`). */
  ssl?: boolean;
}

export async function startPostgres(startOptions: StartOptions = {}): Promise<PostgresServer> {
  const bin = findPostgresBinaries();
  if (!bin) throw new Error('PostgreSQL server binaries not found (apt-get install postgresql)');
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]] : [path.join(bin, command), args];
    const result = spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'enumguard-pg-'));
  const dataDir = path.join(root, 'data');
  const password = randomBytes(12).toString('hex');
  const passwordFile = path.join(root, 'pwfile');
  fs.writeFileSync(passwordFile, password + '\n', { mode: 0o600 });
  if (asRoot) {
    // mkdtemp makes a 0700 root folder: hand it to the postgres user, who runs the server.
    execFileSync('chown', ['-R', 'postgres:postgres', root]);
  }
  const port = await freePort();
  const certificateFile = path.join(root, 'server.crt');
  try {
    if (startOptions.ssl) {
      // Self-signed, valid for the IP the tests connect to, so verify-full can pass with sslrootcert= it.
      execFileSync('openssl', [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1',
        '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(root, 'server.key'), '-out', certificateFile,
      ], { stdio: 'ignore' });
      fs.chmodSync(path.join(root, 'server.key'), 0o600);
      if (asRoot) execFileSync('chown', ['postgres:postgres', path.join(root, 'server.key'), certificateFile]);
    }
    run('initdb', ['-D', dataDir, '-U', 'postgres', `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--no-locale', '--no-sync']);
    const serverOptions = [
      `-k ${root}`, `-p ${port}`, '-c listen_addresses=127.0.0.1', '-c fsync=off', '-c synchronous_commit=off',
      '-c full_page_writes=off', '-c max_connections=40',
      ...(startOptions.ssl ? ['-c ssl=on', `-c ssl_cert_file=${certificateFile}`, `-c ssl_key_file=${path.join(root, 'server.key')}`] : []),
    ].join(' ');
    run('pg_ctl', ['-D', dataDir, '-o', serverOptions, '-l', path.join(root, 'server.log'), '-w', '-t', '60', 'start']);
  } catch (error) {
    fs.rmSync(root, { recursive: true, force: true });
    throw error;
  }

  const host = '127.0.0.1';
  const urlFor = (database: string) => `postgresql://postgres:${password}@${host}:${port}/${encodeURIComponent(database)}`;
  let stopped = false;
  return {
    host, port, password, socketDir: root,
    certificateFile: startOptions.ssl ? certificateFile : undefined,
    superuserUrl: urlFor('postgres'),
    urlFor,
    async createDatabase(name, sql) {
      await withClient(urlFor('postgres'), (client) => client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`));
      const batches = sql === undefined ? [] : Array.isArray(sql) ? sql : [sql];
      await withClient(urlFor(name), async (client) => {
        for (const batch of batches) await client.query(batch);
      });
      return urlFor(name);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

/** Runs `use` with a connected superuser client and closes it. */
export async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
