// The text reporter over hand-made analyses: grouping, the three-truths table, 1-based locations, fixes,
// problems, the summary line, colours only when asked, and the incident fitting on one screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderText } from '../../server/src/cli/report/text';
import { shouldUseColor } from '../../server/src/cli/report/ansi';
import type { ReportInput } from '../../server/src/cli/report/reportInput';
import type { ParseProblem } from '../../server/src/core/model/types';
import { cleanAnalysis, incidentAnalysis } from './incidentAnalysis';

const input = (analysis = incidentAnalysis()): ReportInput => ({ analysis, root: '/abs/broken-auth', filesIndexed: 23, elapsedMs: 412, toolVersion: '9.8.7' });
const ansi = /\u001b\[/;

test('the incident: grouped per type, errors first, worst impact (unloadable rows) first, clean types in one line', () => {
  const text = renderText(input(), { color: false, displayRoot: 'examples/broken-auth' });
  const lines = text.split('\n');
  assert.match(lines[0], /^EnumGuard 9\.8\.7 · examples\/broken-auth · database: postgresql:\/\/app@127\.0\.0\.1:5432\/app \(PostgreSQL 15\.18\) · alembic head c1f348491f8$/);
  const headers = lines.filter((line) => /^\S/.test(line) && !line.startsWith('EnumGuard'));
  assert.deepEqual(headers.slice(0, 4), ['userstatus  1 error, 1 warning', 'userrole  1 error', 'audit.level  1 error', '✔ taskstatus  orm = migrations = database: todo, doing, done']);
  // The three truths of userrole, then its finding at the 1-based position, the message and the preferred fix.
  const block = text.slice(text.indexOf('userrole  1 error'), text.indexOf('audit.level  1 error'));
  assert.match(block, /orm\s+User\.role Enum\(UserRole\) app\/models\.py:19\s+ADMIN, USER/);
  assert.match(block, /migrations\s+head alembic\/versions\/c1f348491f8_initial_migration\.py:21\s+admin, user/);
  assert.match(block, /database\s+users\.role\s+admin \(3 rows\), user \(41 rows\)/);
  assert.match(block, /\n  ✖ error app\/models\.py:19:35 persist-mismatch  Enum\(UserRole\) persists 'ADMIN','USER'.*\n      fix: Persist member values: add values_callable=lambda e: \[m\.value for m in e\]\n/);
  assert.doesNotMatch(block, /Rename the database labels/, 'only the first (preferred) fix is shown');
  // Estimated counts are marked, a failing values_callable is shown in place of labels, and a missing type is said.
  assert.match(text, /users\.status \(estimated\)\s+active \(≈40 rows\), pending_approval \(≈4 rows\)/);
  assert.match(text, /Event\.level Enum\(Level\) app\/models\.py:31\s+fails at import: AttributeError: value/);
  assert.match(text, /database\s+type does not exist/);
  assert.match(text, /Problems \(1\)\n  ⚠ warning app\/templates\/model\.py\.jinja\.py:3:1  syntax error/);
  assert.equal(lines.at(-2), '4 findings (3 errors, 1 warning) in 3 enum types · 23 files checked · 1 problem · 0.41 s');
  assert.doesNotMatch(text, ansi);
  // One screen: the incident with its four types fits in a 50-line terminal.
  assert.ok(lines.length <= 50, `${lines.length} lines`);
});

test('a clean workspace without a database says so in the header and the summary', () => {
  const text = renderText(input(cleanAnalysis()), { color: false });
  assert.match(text, /· \/abs\/broken-auth · no database \(models vs migrations only; --db to compare\)/);
  assert.match(text, /\n✔ taskstatus  orm = migrations = database: todo, doing, done\n/);
  assert.match(text, /\nNo findings in 1 enum type · 23 files checked · 0\.41 s\n$/);
  assert.doesNotMatch(text, /\n    database/);
});

test('colours only when enabled; mismatching labels are highlighted', () => {
  const coloured = renderText(input(), { color: true });
  assert.match(coloured, ansi);
  assert.ok(coloured.includes('\u001b[31mADMIN\u001b[39m'), 'ADMIN is not a database label: red');
  assert.ok(coloured.includes('\u001b[31m✖ error\u001b[39m'));
  assert.equal(coloured.replace(/\u001b\[[0-9;]*m/g, ''), renderText(input(), { color: false }), 'same text once colours are stripped');
});

test('the colour decision: flag, then NO_COLOR, then the terminal', () => {
  assert.equal(shouldUseColor(undefined, true, {}), true);
  assert.equal(shouldUseColor(undefined, false, {}), false);
  assert.equal(shouldUseColor(undefined, undefined, {}), false);
  assert.equal(shouldUseColor(undefined, true, { NO_COLOR: '1' }), false);
  assert.equal(shouldUseColor(undefined, true, { NO_COLOR: '' }), true, 'an empty NO_COLOR does not count (no-color.org)');
  assert.equal(shouldUseColor(false, true, {}), false);
  assert.equal(shouldUseColor(true, false, { NO_COLOR: '1' }), true);
});

test('many problems are capped so findings stay on screen', () => {
  const analysis = cleanAnalysis();
  analysis.problems = Array.from({ length: 25 }, (_, i): ParseProblem => ({ file: `gen/m${i}.py`, range: { line: i, column: 0, endLine: i, endColumn: 1 }, message: 'invalid syntax', severity: 'error' }));
  const text = renderText(input(analysis), { color: false });
  assert.match(text, /Problems \(25\)/);
  assert.equal((text.match(/invalid syntax/g) ?? []).length, 10);
  assert.match(text, /… and 15 more \(--format json lists them all\)/);
  assert.match(text, /No findings in 1 enum type · 23 files checked · 25 problems · 0\.41 s/);
});

test('a finding whose type the model lacks still gets its own group', () => {
  const analysis = cleanAnalysis();
  analysis.findings = [{ ...incidentAnalysis().findings[2], enumType: 'ghost' }];
  const text = renderText(input(analysis), { color: false });
  assert.match(text, /\n\nghost  1 error\n  ✖ error app\/models\.py:19:35 persist-mismatch  Enum\(UserRole\)/);
  assert.match(text, /1 finding \(1 error\) in 1 enum type/);
});

test('findings sharing a fix show it once; the at-database-revision row only when it differs from head', () => {
  const analysis = incidentAnalysis();
  const [, , persist] = analysis.findings;
  const unloadableRole = { ...persist, rule: 'unloadable-rows' as const, message: 'All 44 rows in users fail to load.' };
  analysis.findings = [persist, unloadableRole];
  const role = analysis.types.find((type) => type.key === 'userrole')!;
  role.migrationsAtDatabaseRevision = { ...role.migrations!, revision: 'c1f348491f8' };
  let text = renderText(input(analysis), { color: false });
  assert.match(text, /persist-mismatch  Enum\(UserRole\)[^\n]*\n  ✖ error app\/models\.py:19:35 unloadable-rows  All 44 rows[^\n]*\n      fix: Persist member values/);
  assert.equal((text.match(/fix: Persist member values/g) ?? []).length, 1);
  assert.doesNotMatch(text, /at database revision/);
  role.migrationsAtDatabaseRevision = { labels: ['admin'], revision: 'a0', createdAt: role.migrations!.createdAt, uses: [] };
  text = renderText(input(analysis), { color: false });
  assert.match(text, /migrations\s+at database revision a0 alembic\/versions\/c1f348491f8_initial_migration\.py:21\s+admin\n/);
});

test('with a terminal width, long messages wrap with a hanging indent; without one they do not', () => {
  const wide = renderText(input(), { color: false });
  const narrow = renderText(input(), { color: true, width: 60 });
  const longest = Math.max(...narrow.split('\n').map((line) => line.replace(/\u001b\[[0-9;]*m/g, '').length));
  assert.ok(longest <= 60 || !narrow.split('\n').some((line) => line.startsWith('      ') && line.length > 60), `longest ${longest}`);
  assert.match(narrow, /\n      every login fails\.|\n      [^\n]*every login fails\./);
  assert.ok(wide.split('\n').some((line) => line.length > 120), 'no wrapping without a width');
  // Wrapping only moves words: the words are the same.
  assert.deepEqual(narrow.replace(/\u001b\[[0-9;]*m/g, '').split(/\s+/), wide.split(/\s+/));
});
