// Opens a read-only pg connection to a live server from a user's URL: TLS per sslmode (libpq semantics,
// including prefer's fallback), a connect timeout, a client-side query timeout behind the server's.
import * as fs from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { Client, type ClientConfig } from 'pg';
import { parseDatabaseUrl, type ParsedDatabaseUrl } from './databaseUrl';
import { DatabaseError, toDatabaseError } from './errors';
import type { Queryable } from './queryable';

export interface LiveDatabaseOptions {
  connectTimeoutMs: number;
  statementTimeoutMs: number;
}

export interface LiveDatabase {
  db: Queryable;
  /** Redacted URL: safe for messages and the snapshot description. */
  description: string;
  /** "host:port" or the socket directory, for error messages. */
  target: string;
  close(): Promise<void>;
}

export async function openLiveDatabase(url: string, options: LiveDatabaseOptions): Promise<LiveDatabase> {
  const parsed = parseDatabaseUrl(url);
  const connectTimeoutMs = parsed.connectTimeoutMs ?? options.connectTimeoutMs;
  const timeouts = { connectTimeoutMs, statementTimeoutMs: options.statementTimeoutMs };
  // libpq's order of attempts: prefer tries TLS first, allow tries plain first; each falls back once.
  const attempts: (false | ConnectionOptions)[] = (() => {
    const tls = tlsOptions(parsed);
    switch (parsed.sslMode) {
      case 'disable': return [false];
      case 'allow': return [false, tls];
      case 'prefer': return [tls, false];
      default: return [tls];
    }
  })();

  let lastError: unknown;
  for (const [index, ssl] of attempts.entries()) {
    const client = new Client(clientConfig(parsed, ssl, connectTimeoutMs, options.statementTimeoutMs));
    // A connection lost later must surface as a failed query, not crash the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
      return {
        db: client,
        description: parsed.redacted,
        target: parsed.target,
        close: () => client.end().catch(() => undefined),
      };
    } catch (error) {
      lastError = error;
      await client.end().catch(() => undefined);
      const more = index < attempts.length - 1;
      if (!more || !shouldFallBack(error, ssl)) break;
    }
  }
  throw toDatabaseError(lastError, parsed.target, timeouts);
}

function clientConfig(parsed: ParsedDatabaseUrl, ssl: false | ConnectionOptions, connectTimeoutMs: number, statementTimeoutMs: number): ClientConfig {
  return {
    host: parsed.host,
    port: parsed.port,
    user: parsed.user,
    password: parsed.password,
    database: parsed.database,
    ssl,
    application_name: 'enumguard',
    connectionTimeoutMillis: connectTimeoutMs,
    // The server's statement_timeout is the real limit; this only catches a server or network that hangs.
    query_timeout: statementTimeoutMs + 2000,
    // Every transaction of this session is read-only unless it says otherwise; introspection also says READ ONLY.
    options: '-c default_transaction_read_only=on',
  };
}

function tlsOptions(parsed: ParsedDatabaseUrl): ConnectionOptions {
  const { rootCert, cert, key } = parsed.sslFiles;
  const read = (file: string | undefined, what: string): string | undefined => {
    if (!file) return undefined;
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      throw new DatabaseError('bad-url', `cannot read the ${what} file named in the database URL (${file})`);
    }
  };
  const options: ConnectionOptions = { ca: read(rootCert, 'sslrootcert'), cert: read(cert, 'sslcert'), key: read(key, 'sslkey') };
  // libpq: require verifies nothing, unless a root certificate is given (then it acts like verify-ca).
  const mode = parsed.sslMode === 'require' && rootCert ? 'verify-ca' : parsed.sslMode;
  if (mode === 'verify-full') return { ...options, rejectUnauthorized: true };
  if (mode === 'verify-ca') return { ...options, rejectUnauthorized: true, checkServerIdentity: () => undefined };
  return { ...options, rejectUnauthorized: false };
}

function shouldFallBack(error: unknown, triedSsl: false | ConnectionOptions): boolean {
  const message = String((error as Error)?.message ?? '');
  if (triedSsl) return /does not support SSL/i.test(message);
  // pg_hba.conf allows only hostssl lines: the server says "no encryption" to a plain connection.
  return (error as { code?: string })?.code === '28000' && /no encryption|SSL off/i.test(message);
}
