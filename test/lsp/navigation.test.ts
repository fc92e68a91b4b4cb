// Protocol test: hover tables, CodeLenses, go to definition, the enum map, the migration generator and a quick
// fix that creates a new Alembic revision (then asks the client to open it), on a copy of examples/broken-auth.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { CodeAction, CodeLens, Diagnostic, Hover, Location } from 'vscode-languageserver-protocol';
import type { EnumMapResult, GenerateMigrationResult } from '../../server/src/protocol';
import { copyWorkspace, LspTestClient } from './support/lspTestClient';

let client: LspTestClient;
const models = 'app/models.py';
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

before(async () => {
  client = await LspTestClient.start(copyWorkspace('examples/broken-auth'));
  client.open(models);
  await client.waitForDiagnostics(models, 'first diagnostics', (list) => list.length > 0);
});
after(async () => client?.stop());

test('hover on Enum(UserRole) shows member -> ORM -> migrations labels with the mismatch marked', async () => {
  const text = client.text(models);
  const line = lineOf(text, 'Enum(UserRole)');
  const character = text.split('\n')[line].indexOf('Enum(UserRole)') + 6;
  const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: client.uri(models) }, position: { line, character } }) as Hover;
  const markdown = (hover.contents as { value: string }).value;
  assert.match(markdown, /userrole/);
  assert.match(markdown, /\| member \| ORM \| migrations \|/);
  assert.match(markdown, /\| ADMIN \| `ADMIN` \| `admin` ⚠ \|/);
  assert.match(markdown, /\*\*mismatch\*\*/);
});

test('hover on the enum class name in enums.py shows the same type', async () => {
  client.open('app/enums.py');
  const text = client.text('app/enums.py');
  const line = lineOf(text, 'class UserStatus');
  const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: client.uri('app/enums.py') }, position: { line, character: 8 } }) as Hover | null;
  assert.ok(hover, 'hover on the class name');
  assert.match((hover.contents as { value: string }).value, /userstatus[\s\S]*`pending_approval`/);
});

test('CodeLens above enum columns and classes: "userrole · migrations: 2 labels · 2 mismatches"', async () => {
  const lenses = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri(models) } }) as CodeLens[];
  const roleLine = lineOf(client.text(models), 'role: Mapped[UserRole]');
  const role = lenses.find((lens) => lens.range.start.line === roleLine);
  assert.ok(role?.command, `a lens on line ${roleLine}: ${JSON.stringify(lenses.map((l) => l.command?.title))}`);
  assert.equal(role.command.title, 'userrole · migrations: 2 labels · 2 mismatches');
  assert.equal(role.command.command, 'enumguard.showEnumMap');
  const classLenses = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri('app/enums.py') } }) as CodeLens[];
  assert.ok(classLenses.some((lens) => lens.command?.title.startsWith('userrole ·')));
});

test('definition from Enum(UserRole) and from a type name in the migration lands on the CREATE of the type', async () => {
  const text = client.text(models);
  const line = lineOf(text, 'Enum(UserRole)');
  const character = text.split('\n')[line].indexOf('Enum(UserRole)') + 2;
  const locations = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: client.uri(models) }, position: { line, character } }) as Location[];
  assert.equal(locations.length, 1);
  assert.match(locations[0].uri, /alembic\/versions\/c1f348491f8_initial_migration\.py$/);
  const migration = fs.readFileSync(path.join(client.root, 'alembic/versions/c1f348491f8_initial_migration.py'), 'utf8');
  assert.match(migration.split('\n')[locations[0].range.start.line], /userrole|UserRole|admin/);

  // A type name in SQL (schema.sql's column definition) leads to the same migration line.
  const schema = fs.readFileSync(path.join(client.root, 'schema.sql'), 'utf8').split('\n');
  const columnLine = schema.findIndex((l) => /role public\.userrole/.test(l));
  const fromSql = await client.connection.sendRequest('textDocument/definition', {
    textDocument: { uri: client.uri('schema.sql') }, position: { line: columnLine, character: schema[columnLine].indexOf('userrole') + 2 },
  }) as Location[];
  assert.deepEqual(fromSql, locations);
});

test('enumguard/enumMap lists every type with its truths', async () => {
  const map = await client.connection.sendRequest('enumguard/enumMap', {}) as EnumMapResult;
  const role = map.types.find((t) => t.key === 'userrole');
  assert.ok(role);
  assert.deepEqual(role.migrations?.labels, ['admin', 'user']);
  assert.deepEqual(role.orm[0].persisted, ['ADMIN', 'USER']);
  assert.ok(role.findings.some((f) => f.rule === 'persist-mismatch'));
});

test('enumguard/generateMigration builds an Alembic revision on the head renaming the labels', async () => {
  const result = await client.connection.sendRequest('enumguard/generateMigration', { enumType: 'userstatus' }) as GenerateMigrationResult;
  assert.ok(result.file && result.content, result.message);
  assert.ok(result.file.startsWith(path.join(client.root, 'alembic', 'versions')));
  assert.match(result.content, /down_revision = "4b7e2d9a1c30"/);
  assert.match(result.content, /ALTER TYPE userstatus RENAME VALUE 'pending_approval' TO 'PENDING'/);
});

test('a quick fix that creates a migration file: CreateFile + insert, then enumguard.openFile shows it', async () => {
  const statusLine = lineOf(client.text(models), 'status: Mapped[UserStatus]');
  const diagnostic = client.diagnostics.get(client.uri(models))!.find((d: Diagnostic) => d.code === 'persist-mismatch' && d.range.start.line === statusLine)!;
  const actions = await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: client.uri(models) }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
  }) as CodeAction[];
  const create = actions.find((a) => a.edit?.documentChanges?.some((c) => 'kind' in c && c.kind === 'create'));
  assert.ok(create, `a file-creating fix: ${actions.map((a) => a.title).join(' | ')}`);
  assert.equal(create.command?.command, 'enumguard.openFile');
  const created = create.edit!.documentChanges!.find((c) => 'kind' in c && c.kind === 'create') as { uri: string };
  client.applyWorkspaceEdit(create.edit!);
  const file = new URL(created.uri).pathname;
  assert.match(fs.readFileSync(file, 'utf8'), /RENAME VALUE/);
  await client.connection.sendRequest('workspace/executeCommand', { command: create.command!.command, arguments: create.command!.arguments });
  assert.deepEqual(client.shownDocuments, [created.uri]);
  // The new revision is a new head on disk: once the watcher reports it, User.status is in sync with migrations.
  client.filesChanged([path.relative(client.root, file)], 1);
  await client.waitForDiagnostics(models, 'User.status clean after the migration', (list) => !list.some((d) => d.code === 'persist-mismatch' && d.range.start.line === statusLine));
});
