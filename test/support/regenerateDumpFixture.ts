// Rebuilds test/fixtures/db/dump.sql with the real pg_dump: loads dump-source.sql into a harness server and
// dumps it in plain format. Run: node --import tsx test/support/regenerateDumpFixture.ts
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findPostgresBinaries, startPostgres } from './postgres';

async function main(): Promise<void> {
  const fixtures = path.join(__dirname, '..', 'fixtures', 'db');
  const server = await startPostgres();
  try {
    // "-- commit" lines split the source into transactions (a label added by ADD VALUE is usable only after one).
    const source = fs.readFileSync(path.join(fixtures, 'dump-source.sql'), 'utf8');
    await server.createDatabase('fixture', source.split(/^-- commit$/m));
    const pgDump = path.join(findPostgresBinaries()!, 'pg_dump');
    const result = spawnSync(pgDump, ['-h', server.host, '-p', String(server.port), '-U', 'postgres', '-d', 'fixture'], {
      encoding: 'utf8', env: { ...process.env, PGPASSWORD: server.password },
    });
    if (result.status !== 0) throw new Error(`pg_dump failed: ${result.stderr}`);
    fs.writeFileSync(path.join(fixtures, 'dump.sql'), result.stdout);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(String(error));
  process.exit(1);
});
