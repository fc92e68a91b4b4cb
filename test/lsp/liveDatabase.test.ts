// Protocol test against a real PostgreSQL server: the URL reaches the server only through enumguard/databaseUrl
// (or ENUMGUARD_DATABASE_URL), findings then compare with the live labels and row counts, a wrong password is one
// safe line, and the password never appears in anything the server writes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import type { StatusParams, TestConnectionResult } from '../../server/src/protocol';
import { type PostgresServer, postgresUnavailableReason, startPostgres } from '../support/postgres';
import { copyWorkspace, LspTestClient } from './support/lspTestClient';

const skip = postgresUnavailableReason();
let postgres: PostgresServer;
let url: string;
const clients: LspTestClient[] = [];
const models = 'app/models.py';

const liveSchema = `
CREATE TYPE userrole AS ENUM ('admin', 'user');
CREATE TYPE userstatus AS ENUM ('pending_approval', 'active', 'disabled');
CREATE TABLE users (id serial PRIMARY KEY, email text, role userrole NOT NULL, status userstatus NOT NULL);
INSERT INTO users (email, role, status) VALUES ('a@x', 'admin', 'active'), ('b@x', 'user', 'active'), ('c@x', 'user', 'pending_approval');
CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
INSERT INTO alembic_version VALUES ('4b7e2d9a1c30');
CREATE TABLE audit (id serial PRIMARY KEY, level varchar(8) CHECK (level IN ('pending', 'active', 'disabled')));
`;

before(async () => {
  if (skip) return;
  postgres = await startPostgres();
  url = await postgres.createDatabase('lsp_live', liveSchema);
});
after(async () => {
  for (const client of clients) await client.stop();
  await postgres?.stop();
});

async function startClient(options: Parameters<typeof LspTestClient.start>[1]): Promise<LspTestClient> {
  const client = await LspTestClient.start(copyWorkspace('examples/broken-auth'), options);
  clients.push(client);
  return client;
}

function assertNoSecret(client: LspTestClient): void {
  const everything = [...client.rawOutput, ...client.stderr, ...client.logs].join('\n');
  assert.ok(!everything.includes(postgres.password), 'the password never appears in server output');
}

test('with the URL from enumguard/databaseUrl: live status, database labels and row counts', { skip }, async () => {
  const client = await startClient({ databaseUrl: url });
  client.open(models);
  const status = await client.waitFor<StatusParams>('live status', () => client.statuses.find((s) => s.connected === 'live'), 30000);
  assert.match(status.description, /127\.0\.0\.1/);
  assert.ok(!status.description.includes(postgres.password));
  const roleLine = client.text(models).split('\n').findIndex((l) => l.includes('role: Mapped[UserRole]'));
  const diagnostics = await client.waitForDiagnostics(models, 'findings against the database', (list: Diagnostic[]) =>
    list.some((d) => d.range.start.line === roleLine && /database/.test(d.message)), 30000);
  assert.ok(diagnostics.some((d) => d.code === 'persist-mismatch' || d.code === 'unloadable-rows'));
  const character = client.text(models).split('\n')[roleLine].indexOf('Enum(UserRole)') + 3;
  const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: client.uri(models) }, position: { line: roleLine, character } }) as Hover;
  const markdown = (hover.contents as { value: string }).value;
  assert.match(markdown, /\| member \| ORM \| migrations \| database \| rows \|/);
  assert.match(markdown, /\| USER \| `USER` \| `user` ⚠ \| `user` ⚠ \| 2 \|/);
  assertNoSecret(client);
});

test('an edit that maps a new VARCHAR enum column makes the server describe that column from the database', { skip }, async () => {
  const client = clients[0];
  const text = client.text(models);
  const end = text.split('\n').length;
  // UserStatus persists its names (PENDING, ...): outside the column's CHECK, which the catalog alone cannot tie to an enum.
  const audit = '\n\nclass Audit(Base):\n    __tablename__ = "audit"\n    id: Mapped[int] = mapped_column(primary_key=True)\n    level: Mapped[UserStatus] = mapped_column(Enum(UserStatus, native_enum=False))\n';
  client.change(models, [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, newText: audit }]);
  const levelLine = client.text(models).split('\n').findIndex((l) => l.includes('level: Mapped[UserStatus]'));
  const diagnostics = await client.waitForDiagnostics(models, 'the VARCHAR column checked against its CHECK', (list: Diagnostic[]) =>
    list.some((d) => d.range.start.line === levelLine && d.code === 'persist-mismatch'), 30000);
  const finding = diagnostics.find((d) => d.range.start.line === levelLine)!;
  assert.match(finding.message, /outside the CHECK constraint's 'pending', 'active', 'disabled'/);
  assertNoSecret(client);
});

test('enumguard/testConnection: a wrong password is one safe line; the right URL reports the types', { skip }, async () => {
  const client = clients[0];
  const wrong = url.replace(postgres.password, 'not-the-password-123');
  const bad = await client.connection.sendRequest('enumguard/testConnection', { url: wrong }) as TestConnectionResult;
  assert.equal(bad.ok, false);
  assert.ok(!bad.message.includes('not-the-password-123') && !bad.message.includes('\n'), bad.message);
  const good = await client.connection.sendRequest('enumguard/testConnection', { url }) as TestConnectionResult;
  assert.equal(good.ok, true, good.message);
  assert.equal(good.enumTypes, 2);
  assert.ok(!good.message.includes(postgres.password));
  const status = await client.connection.sendRequest('enumguard/checkDatabase', {}) as StatusParams;
  assert.equal(status.connected, 'live');
  assertNoSecret(client);
});

test('without an editor URL the server falls back to ENUMGUARD_DATABASE_URL', { skip }, async () => {
  const client = await startClient({ env: { ENUMGUARD_DATABASE_URL: url } });
  await client.waitFor('live status from the environment', () => client.statuses.find((s) => s.connected === 'live'), 30000);
  assertNoSecret(client);
});

test('an unreachable database gives an error status with a safe message, and findings still flow', { skip }, async () => {
  const client = await startClient({ databaseUrl: `postgresql://app:s3cr3t-pw@127.0.0.1:1/nowhere` });
  client.open(models);
  const status = await client.waitFor<StatusParams>('error status', () => client.statuses.find((s) => s.connected === 'error'), 30000);
  assert.ok(status.databaseError && !status.databaseError.includes('s3cr3t-pw'), status.databaseError);
  await client.waitForDiagnostics(models, 'findings without the database', (list) => list.some((d) => d.code === 'persist-mismatch'));
  const everything = [...client.rawOutput, ...client.logs].join('\n');
  assert.ok(!everything.includes('s3cr3t-pw'));
});
