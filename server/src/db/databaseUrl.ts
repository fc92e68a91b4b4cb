// Parses the database URLs users already have (libpq, SQLAlchemy and asyncpg spellings) into connection
// settings for pg, plus a redacted form that is safe to show anywhere.
import { DatabaseError } from './errors';


export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

export interface ParsedDatabaseUrl {
  /** A TCP host name / IP, or a unix-socket directory (starts with '/'). */
  host: string;
  port: number;
  user?: string;
  password?: string;
  database?: string;
  sslMode: SslMode;
  /** Certificate files named by sslrootcert= / sslcert= / sslkey= (paths, read when connecting). */
  sslFiles: { rootCert?: string; cert?: string; key?: string };
  /** connect_timeout= in milliseconds, when the URL gives one. */
  connectTimeoutMs?: number;
  /** "postgresql://app@db.internal:5432/app?sslmode=require": no password, no other query parameters. */
  redacted: string;
  /** "db.internal:5432" or the socket directory: for error messages. */
  target: string;
}

const schemes = new Set([
  'postgres', 'postgresql',
  'postgresql+psycopg2', 'postgresql+psycopg', 'postgresql+psycopg2cffi', 'postgresql+asyncpg',
  'postgresql+pg8000', 'postgresql+pygresql', 'postgres+psycopg2', 'postgres+asyncpg',
]);
const sslModes: readonly SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];
// asyncpg's ssl= also takes booleans.
const asyncpgSsl: Record<string, SslMode> = { true: 'require', false: 'disable', '1': 'require', '0': 'disable' };

/** Parses `raw`; throws DatabaseError('bad-url') with a one-line message that never echoes the password. */
export function parseDatabaseUrl(raw: string): ParsedDatabaseUrl {
  const text = raw.trim();
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (!schemeMatch) throw new DatabaseError('bad-url', 'the database URL must start with postgresql:// (or postgres://, postgresql+psycopg2://, postgresql+asyncpg://)');
  const scheme = schemeMatch[1].toLowerCase();
  if (!schemes.has(scheme)) {
    throw new DatabaseError('bad-url', `unsupported database URL scheme "${scheme}://": EnumGuard reads PostgreSQL (postgresql://, postgresql+psycopg2://, postgresql+asyncpg://, ...)`);
  }

  let url: URL;
  try {
    // A neutral scheme keeps WHATWG parsing identical for every spelling (user info, IPv6, percent-encoding).
    url = new URL('postgresql://' + text.slice(schemeMatch[0].length));
  } catch {
    throw new DatabaseError('bad-url', `the database URL cannot be parsed (${scheme}://...): check for unencoded characters such as '/', '#' or '?' in the password (percent-encode them)`);
  }

  const params = url.searchParams;
  const decode = (value: string, what: string): string => {
    try {
      return decodeURIComponent(value);
    } catch {
      throw new DatabaseError('bad-url', `the database URL has a malformed percent-encoding in the ${what}`);
    }
  };

  let host = decode(url.hostname, 'host');
  if (host.includes(',')) throw new DatabaseError('bad-url', 'database URLs with several hosts are not supported: give one host');
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  const hostParam = params.get('host');
  if (hostParam) host = hostParam;
  if (!host) host = 'localhost';

  const portText = params.get('port') ?? url.port;
  const port = portText ? Number(portText) : 5432;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new DatabaseError('bad-url', `the database URL has an invalid port "${portText}"`);

  const user = params.get('user') ?? (url.username ? decode(url.username, 'user name') : undefined);
  const password = params.get('password') ?? (url.password ? decode(url.password, 'password') : undefined);
  const path = decode(url.pathname.replace(/^\//, ''), 'database name');
  const database = params.get('dbname') ?? (path || undefined);

  const sslText = (params.get('sslmode') ?? params.get('ssl') ?? 'prefer').toLowerCase();
  const sslMode = (sslModes as readonly string[]).includes(sslText) ? (sslText as SslMode) : asyncpgSsl[sslText];
  if (!sslMode) throw new DatabaseError('bad-url', `unknown sslmode "${sslText}": use one of ${sslModes.join(', ')}`);

  const connectTimeoutText = params.get('connect_timeout');
  let connectTimeoutMs: number | undefined;
  if (connectTimeoutText !== null) {
    const seconds = Number(connectTimeoutText);
    if (!Number.isFinite(seconds) || seconds < 0) throw new DatabaseError('bad-url', `the database URL has an invalid connect_timeout "${connectTimeoutText}"`);
    // libpq treats 0 as "wait forever" and values below 2 as 2 seconds.
    if (seconds > 0) connectTimeoutMs = Math.max(2, seconds) * 1000;
  }

  const socket = host.startsWith('/');
  const target = socket ? host : `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const redactedHost = socket ? '' : (host.includes(':') ? `[${host}]` : host) + `:${port}`;
  const query = new URLSearchParams();
  if (socket) query.set('host', host);
  if (params.has('sslmode') || params.has('ssl')) query.set('sslmode', sslMode);
  const queryText = query.toString() ? '?' + query.toString().replace(/%2F/gi, '/') : '';
  const redacted = `postgresql://${user ? encodeURIComponent(user) + '@' : ''}${redactedHost}/${encodeURIComponent(database ?? '')}${queryText}`;

  return {
    host, port, user, password, database, sslMode,
    sslFiles: {
      rootCert: params.get('sslrootcert') ?? undefined,
      cert: params.get('sslcert') ?? undefined,
      key: params.get('sslkey') ?? undefined,
    },
    connectTimeoutMs, redacted, target,
  };
}
