// The JSON reporter: the documented shape, 1-based positions, schema-qualified types only outside public,
// problems, and no secret anywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonReport, renderJson } from '../../server/src/cli/report/json';
import { cleanAnalysis, incidentAnalysis } from './incidentAnalysis';

const input = (analysis = incidentAnalysis()) => ({ analysis, root: '/abs/broken-auth', filesIndexed: 23, elapsedMs: 412.4, toolVersion: '9.8.7' });

test('top level: tool, version, summary, findings, enums, problems', () => {
  const report = JSON.parse(renderJson(input()));
  assert.equal(report.tool, 'enumguard');
  assert.equal(report.version, '9.8.7');
  assert.deepEqual(report.summary, { findings: 4, errors: 3, warnings: 1, infos: 0, enumTypes: 4, filesChecked: 23, problems: 1, elapsedSeconds: 0.412 });
  assert.deepEqual(report.database, { source: 'live', description: 'postgresql://app@127.0.0.1:5432/app', serverVersion: '15.18', alembicVersions: ['c1f348491f8'], notes: [] });
  assert.deepEqual(report.alembic, { heads: ['c1f348491f8'], revisions: 0 });
  assert.deepEqual(report.problems, [{ file: 'app/templates/model.py.jinja.py', line: 3, column: 1, endLine: 3, endColumn: 6, severity: 'warning', message: 'syntax error (a template?)' }]);
});

test('findings: errors first in source order, 1-based, with related locations and fixes', () => {
  const { findings } = jsonReport(input());
  assert.deepEqual(findings.map((f) => `${f.severity} ${f.rule} ${f.enumType}`), [
    'error persist-mismatch userrole', 'error unloadable-rows userstatus', 'error bad-values-callable audit.level', 'warning type-name-mismatch userstatus',
  ]);
  const first = findings[0];
  // Internal (0-based) line 18, columns 34..48 -> line 19, column 35, endColumn 49 (exclusive), as in the issue.
  assert.deepEqual({ file: first.file, line: first.line, column: first.column, endLine: first.endLine, endColumn: first.endColumn }, { file: 'app/models.py', line: 19, column: 35, endLine: 19, endColumn: 49 });
  assert.match(first.message, /persists 'ADMIN','USER'/);
  assert.deepEqual(first.related, [{ file: 'alembic/versions/c1f348491f8_initial_migration.py', line: 21, column: 9, endLine: 21, endColumn: 19, message: "the initial migration creates userrole with 'admin','user'" }]);
  assert.equal(first.fixes.length, 2);
  assert.deepEqual(first.fixes[0].edits, [{ file: 'app/models.py', line: 19, column: 48, endLine: 19, endColumn: 48, newText: ', values_callable=lambda e: [m.value for m in e]' }]);
  assert.equal(first.fixes[0].isPreferred, true);
  assert.deepEqual(first.fixes[1].newFile, { file: 'alembic/versions/9f1_rename_userrole.py', content: 'revision = "9f1"\n' });
});

test('enums: the three truths per type, schema-qualified keys only outside public', () => {
  const { enums } = jsonReport(input());
  assert.deepEqual(enums.map((e) => e.type), ['audit.level', 'taskstatus', 'userrole', 'userstatus']);
  const userrole = enums.find((e) => e.type === 'userrole')!;
  const binding = userrole.orm.bindings[0];
  assert.deepEqual(binding, {
    attribute: 'User.role', file: 'app/models.py', line: 19, column: 5, endLine: 19, endColumn: 61, table: 'users', columnName: 'role',
    enumClass: 'UserRole', via: 'Enum', nativeEnum: true, typeName: 'userrole', persisted: ['ADMIN', 'USER'],
  });
  assert.deepEqual(binding.persisted, ['ADMIN', 'USER']);
  assert.deepEqual(userrole.migrations, { labels: ['admin', 'user'], revision: 'c1f348491f8', createdAt: { file: 'alembic/versions/c1f348491f8_initial_migration.py', line: 21, column: 9, endLine: 21, endColumn: 19 }, lastChangedAt: null, uses: [] });
  assert.deepEqual(userrole.database, { labels: ['admin', 'user'], columns: [{ table: 'users', column: 'role', isArray: false }], rows: { admin: 3, user: 41 }, rowsExact: true });
  const audit = enums.find((e) => e.type === 'audit.level')!;
  assert.equal(audit.schema, 'audit');
  assert.equal(audit.orm.bindings[0].persisted, null);
  assert.equal(audit.orm.bindings[0].persistError, 'AttributeError: value');
  assert.equal(audit.migrations, null);
  assert.equal(audit.database, null);
});

test('no database: database is null, and the report is still valid JSON', () => {
  const report = JSON.parse(renderJson(input(cleanAnalysis())));
  assert.equal(report.database, null);
  assert.deepEqual(report.findings, []);
  assert.equal(report.summary.errors, 0);
});
