// Protocol test on a copy of examples/broken-auth: diagnostics for open and unopened files, a quick fix applied
// through the protocol until the finding is gone, and a change in enums.py (not open) re-checking models.py.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { copyWorkspace, LspTestClient } from './support/lspTestClient';

let client: LspTestClient;
const models = 'app/models.py';
const hasRule = (rule: string, line?: number) => (list: Diagnostic[]) => list.some((d) => d.code === rule && (line === undefined || d.range.start.line === line));
const roleLine = (text: string) => text.split('\n').findIndex((l) => l.includes('role: Mapped[UserRole]'));

before(async () => {
  client = await LspTestClient.start(copyWorkspace('examples/broken-auth'));
});
after(async () => client?.stop());

test('publishes persist-mismatch on User.role with code, doc link, related info and fixes in data', async () => {
  client.open(models);
  const line = roleLine(client.text(models));
  const diagnostics = await client.waitForDiagnostics(models, 'persist-mismatch', hasRule('persist-mismatch', line));
  const role = diagnostics.find((d) => d.code === 'persist-mismatch' && d.range.start.line === line)!;
  assert.equal(role.source, 'enumguard');
  assert.match(role.message, /'ADMIN', 'USER'/);
  assert.match(role.codeDescription!.href, /^file:\/\/.*\/docs\/rules\.md#persist-mismatch$/);
  assert.ok(role.relatedInformation && role.relatedInformation.length > 0, 'related information points at the other truth');
  assert.ok(role.relatedInformation.some((r) => r.location.uri.includes('alembic/versions/')), 'one related entry is the migration');
  const data = role.data as { rule: string; fixes: unknown[] };
  assert.equal(data.rule, 'persist-mismatch');
  assert.ok(data.fixes.length > 0);
});

test('diagnostics reach files that are not open (models_tasks.py: bad-values-callable)', async () => {
  const diagnostics = await client.waitForDiagnostics('app/models_tasks.py', 'bad-values-callable', hasRule('bad-values-callable'));
  assert.ok(diagnostics.every((d) => d.source === 'enumguard'));
});

test('the preferred quick fix, applied as a WorkspaceEdit, clears the finding on that line', async () => {
  const line = roleLine(client.text(models));
  const role = client.diagnostics.get(client.uri(models))!.find((d) => d.code === 'persist-mismatch' && d.range.start.line === line)!;
  const actions = await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: client.uri(models) }, range: role.range, context: { diagnostics: [role] },
  }) as CodeAction[];
  const titles = actions.map((a) => a.title);
  assert.ok(titles.some((t) => /values_callable/.test(t)), `a values_callable fix is offered: ${titles.join(' | ')}`);
  assert.ok(titles.some((t) => /enumguard: ignore\[persist-mismatch\]/.test(t)), 'an ignore-this-line fix is offered');
  const preferred = actions.find((a) => a.isPreferred) ?? actions[0];
  assert.ok(preferred.edit);
  client.applyWorkspaceEdit(preferred.edit);
  assert.match(client.text(models).split('\n')[line], /values_callable=lambda x: \[e\.value for e in x\]/);
  await client.waitForDiagnostics(models, 'User.role clean', (list) => !list.some((d) => d.code === 'persist-mismatch' && d.range.start.line === line));
  // The other finding (User.status) is untouched.
  assert.ok(client.diagnostics.get(client.uri(models))!.some((d) => d.code === 'persist-mismatch'));
});

test('editing enums.py on disk (not open) re-checks models.py', async () => {
  const line = roleLine(client.text(models));
  const enumsFile = path.join(client.root, 'app/enums.py');
  fs.writeFileSync(enumsFile, fs.readFileSync(enumsFile, 'utf8').replace('ADMIN = "admin"', 'ADMIN = "administrator"'));
  client.filesChanged(['app/enums.py']);
  const diagnostics = await client.waitForDiagnostics(models, 'persist-mismatch back on User.role', hasRule('persist-mismatch', line));
  assert.match(diagnostics.find((d) => d.range.start.line === line)!.message, /administrator/);
});

test('"ignore this line" appends the comment the engine honours', async () => {
  const line = roleLine(client.text(models));
  const role = client.diagnostics.get(client.uri(models))!.find((d) => d.code === 'persist-mismatch' && d.range.start.line === line)!;
  const actions = await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: client.uri(models) }, range: role.range, context: { diagnostics: [role] },
  }) as CodeAction[];
  const ignore = actions.find((a) => /ignore\[persist-mismatch\]/.test(a.title))!;
  client.applyWorkspaceEdit(ignore.edit!);
  assert.match(client.text(models).split('\n')[line], /\)  # enumguard: ignore\[persist-mismatch\]$/);
  await client.waitForDiagnostics(models, 'ignored line clean', (list) => !list.some((d) => d.code === 'persist-mismatch' && d.range.start.line === line));
});

test('status notifications report counts and no database', async () => {
  const status = await client.waitFor('a status', () => client.statuses.at(-1));
  assert.equal(status.connected, 'none');
  assert.ok(status.errors > 0);
});
