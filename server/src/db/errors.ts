// The one error type the database layer throws: a kind the CLI and the editor can branch on, and a one-line
// message that says what went wrong and what to do. Never a stack, never a password.
import { redactSecrets } from './redact';

export type DatabaseErrorKind =
  | 'bad-url' | 'unreachable' | 'auth' | 'no-database' | 'timeout' | 'permission' | 'schema-file' | 'other';

export class DatabaseError extends Error {
  override name = 'DatabaseError';
  constructor(readonly kind: DatabaseErrorKind, message: string) {
    // One line, secrets removed, whatever the caller passed.
    super(redactSecrets(message.replace(/\s*\n\s*/g, ' ').trim()));
  }
}

/** Timeouts in force, so a timeout message can say which limit was hit. */
export interface TimeoutContext {
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
}

interface PgLikeError {
  code?: string;
  message?: string;
  hint?: string;
}

/**
 * Maps an error from pg, PGlite or the socket layer to a DatabaseError. `target` is a safe description of
 * where we tried to go ("127.0.0.1:5432", "/var/run/postgresql"), never a URL with its password.
 */
export function toDatabaseError(error: unknown, target: string, timeouts: TimeoutContext = {}): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const err = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as PgLikeError;
  const code = err.code ?? '';
  const serverMessage = firstLine(err.message ?? 'unknown error');
  const connectMs = timeouts.connectTimeoutMs !== undefined ? ` after ${timeouts.connectTimeoutMs} ms` : '';
  const statementMs = timeouts.statementTimeoutMs !== undefined ? ` (${timeouts.statementTimeoutMs} ms)` : '';

  switch (code) {
    case 'ECONNREFUSED':
      return new DatabaseError('unreachable', `cannot reach ${target} (connection refused): is PostgreSQL running and the port right?`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new DatabaseError('unreachable', `cannot reach ${target} (host name not found): check the host in the database URL`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new DatabaseError('unreachable', `cannot reach ${target} (no route to host): check the host and your network or VPN`);
    case 'ENOENT':
      // A unix-socket path that does not exist.
      return new DatabaseError('unreachable', `cannot reach ${target} (no socket there): is PostgreSQL running and the socket directory right?`);
    case 'ECONNRESET':
      return new DatabaseError('unreachable', `connection to ${target} was reset: check the port and the sslmode`);
    case 'ETIMEDOUT':
      return new DatabaseError('timeout', `connecting to ${target} timed out${connectMs}: is the host reachable (firewall, VPN) and the port right?`);
    case '28P01':
      return new DatabaseError('auth', `${serverMessage} (at ${target}): check the user name and password in the database URL`);
    case '28000':
      return new DatabaseError('auth', `access denied at ${target}: ${serverMessage}: check the user, pg_hba.conf and the sslmode`);
    case '3D000':
      return new DatabaseError('no-database', `${serverMessage} at ${target}: check the database name in the URL`);
    case '57014':
      return new DatabaseError('timeout', `a query at ${target} ran past the statement timeout${statementMs}: a lock or a busy server blocks it; retry later or raise the timeout`);
    case '42501':
      return new DatabaseError('permission', `${serverMessage} at ${target}: the user needs read access to the catalog and the enum tables`);
    case '53300':
      return new DatabaseError('unreachable', `${serverMessage} at ${target}: the server is full; retry later`);
    case '57P03':
      return new DatabaseError('unreachable', `${serverMessage} at ${target}: the server is starting or shutting down; retry shortly`);
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return new DatabaseError('auth', `the server certificate of ${target} is not trusted (${serverMessage}): give sslrootcert=, or use sslmode=require to skip verification`);
  }
  // pg reports its own connect timeout and client-side query timeout without a code.
  if (/timeout expired|connection timeout/i.test(serverMessage)) {
    return new DatabaseError('timeout', `connecting to ${target} timed out${connectMs}: the server accepted the connection but did not answer; is it PostgreSQL, and is it overloaded?`);
  }
  if (/Query read timeout/i.test(serverMessage)) {
    return new DatabaseError('timeout', `a query at ${target} got no answer in time${statementMs}: the server or the network is stuck`);
  }
  if (/does not support SSL/i.test(serverMessage)) {
    return new DatabaseError('other', `${target} does not support SSL: use sslmode=prefer or sslmode=disable`);
  }
  if (/Connection terminated unexpectedly/i.test(serverMessage)) {
    return new DatabaseError('unreachable', `${target} closed the connection unexpectedly: is it PostgreSQL, and is the sslmode right?`);
  }
  const hint = err.hint ? ` (${firstLine(err.hint)})` : '';
  return new DatabaseError('other', `${serverMessage}${hint} at ${target}${code ? ` [${code}]` : ''}`);
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
