// A real PostgreSQL for the "Connect to Database…" check, from the shared harness test/support/postgres.ts
// (password authentication, random password), with the example's pg_dump loaded by psql.
import { spawnSync } from 'node:child_process';
import { startPostgres, postgresUnavailableReason } from '../../support/postgres';

export { postgresUnavailableReason };

export interface TestDatabase {
  url: string;
  /** The password inside `url`: random, so finding it anywhere in the editor means it leaked. */
  password: string;
  stop(): Promise<void>;
}

/**
 * Loads a plain pg_dump with psql: the dump holds psql meta-commands (`\restrict`) and `COPY ... FROM stdin`
 * rows, which only psql understands. The password goes through PGPASSWORD, never the command line or output.
 */
function loadDumpWithPsql(url: string, dumpFile: string): void {
  const target = new URL(url);
  const result = spawnSync('psql', ['--no-psqlrc', '--quiet', '-v', 'ON_ERROR_STOP=1', '-h', target.hostname, '-p', target.port,
    '-U', decodeURIComponent(target.username), '-d', decodeURIComponent(target.pathname.slice(1)), '-f', dumpFile], {
    env: { ...process.env, PGPASSWORD: decodeURIComponent(target.password) }, encoding: 'utf8', timeout: 60_000,
  });
  if (result.error) throw new Error(`psql could not run (${result.error.message}); install postgresql-client`);
  if (result.status !== 0) throw new Error(`psql failed to load ${dumpFile}: ${result.stderr.split(target.password).join('***')}`);
}

export async function startTestDatabase(dumpFile: string): Promise<TestDatabase> {
  const postgres = await startPostgres();
  try {
    const url = await postgres.createDatabase('enumguard_e2e');
    loadDumpWithPsql(url, dumpFile);
    const password = decodeURIComponent(new URL(url).password);
    // The leak check is only meaningful for a password that cannot occur in the page by chance.
    if (password.length < 12) throw new Error('the PostgreSQL harness gave a URL without a long random password');
    return { url, password, stop: () => postgres.stop() };
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}
