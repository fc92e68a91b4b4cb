// Replaying real fixture revisions: topological order through a merge, labels at head and at older revisions,
// the graph problems Alembic itself would report, and the database errors a replay would hit.
import { before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildRevisionGraph, replayMigrations, replaySqlOps } from '../../server/src/core/model/migrationReplay';
import { extractSqlEnumOps } from '../../server/src/core/extract/sqlEnumOps';
import type { AlembicRevision } from '../../server/src/core/model/types';
import { initParsers, loadRevisions } from '../support/alembicFixtures';

let revisions: AlembicRevision[];
let twoHeads: AlembicRevision[];

before(async () => {
  await initParsers();
  revisions = loadRevisions('test/fixtures/alembic/migrations/versions');
  twoHeads = loadRevisions('test/fixtures/alembic-two-heads/migrations/versions');
});

const labelsOf = (result: ReturnType<typeof replayMigrations>) =>
  Object.fromEntries([...result.types].map(([key, type]) => [key, type.labels]));

test('graph: parents first through the merge, one head, no problems', () => {
  const graph = buildRevisionGraph([...revisions].reverse()); // input order must not matter for validity
  assert.deepEqual(graph.heads, ['5e6f708192a3']);
  assert.deepEqual(graph.problems, []);
  const position = (id: string) => graph.order.indexOf(id);
  assert.equal(graph.order.length, 5);
  assert.ok(position('1a2b3c4d5e6f') < position('2b3c4d5e6f70'));
  assert.ok(position('1a2b3c4d5e6f') < position('3c4d5e6f7081'));
  assert.ok(position('2b3c4d5e6f70') < position('4d5e6f708192') && position('3c4d5e6f7081') < position('4d5e6f708192'));
  assert.equal(graph.order[4], '5e6f708192a3');
});

test('labels at head: ADD VALUE AFTER/BEFORE, RENAME VALUE, class labels from the resolver', () => {
  const asked: string[] = [];
  const result = replayMigrations(revisions, 'heads', (op) => {
    asked.push(op.enumClass!.localName);
    return ['low', 'high'];
  });
  assert.deepEqual(result.problems, []);
  assert.deepEqual(labelsOf(result), {
    'public.userrole': ['admin', 'member'],
    'public.taskstatus': ['pending', 'archived', 'café', 'active', 'done'],
    'public.visibility': ['private', 'public'],
    'public.priority': ['low', 'high'],
  });
  assert.deepEqual(asked, ['Priority']);
  const taskstatus = result.types.get('public.taskstatus')!;
  assert.equal(taskstatus.revision, '5e6f708192a3');
  assert.equal(taskstatus.createdAt.range.line, 25);
  assert.match(taskstatus.createdAt.file, /1a2b3c4d5e6f_initial\.py$/);
  assert.equal(taskstatus.lastChangedAt.range.line, 19);
  assert.deepEqual(taskstatus.uses.map((u) => `${u.table}.${u.column}`), ['users.status', 'tasks.status']);
  assert.deepEqual(result.types.get('public.userrole')!.uses.map((u) => `${u.table}.${u.column}`), ['users.role', 'tasks.owner_role']);
});

test('labels at an older revision replay only its ancestors', () => {
  assert.deepEqual(labelsOf(replayMigrations(revisions, ['2b3c4d5e6f70'])), {
    'public.userrole': ['admin', 'user'],
    'public.taskstatus': ['pending', 'archived', 'active'],
  });
  const atRename = replayMigrations(revisions, ['3c4d5e6f7081']);
  assert.deepEqual(atRename.types.get('public.userrole')!.labels, ['admin', 'member']);
  assert.equal(atRename.types.get('public.userrole')!.revision, '3c4d5e6f7081');
  assert.deepEqual(atRename.types.get('public.taskstatus')!.labels, ['pending', 'active']);
  const unknownClass = replayMigrations(revisions, 'heads');
  assert.equal(unknownClass.types.get('public.priority')!.labelsKnown, false);
  assert.deepEqual(replayMigrations(revisions, ['nope']).problems.map((p) => p.message), ['Revision nope is not among the migration scripts']);
});

test('two heads: Alembic\'s message naming both heads and files, located at each revision assignment', () => {
  const graph = buildRevisionGraph(twoHeads);
  assert.deepEqual(graph.heads, ['bbbb00000002', 'cccc00000003']);
  assert.equal(graph.problems.length, 2);
  for (const problem of graph.problems) {
    assert.match(problem.message, /^Multiple head revisions are present: bbbb00000002 \(.*bbbb00000002_add_debug\.py\), cccc00000003 \(.*cccc00000003_add_audit\.py\)/);
    assert.equal(problem.range.line, 2); // `revision = "..."`, 0-based
  }
  assert.deepEqual(graph.problems.map((p) => p.file.split('/').pop()), ['bbbb00000002_add_debug.py', 'cccc00000003_add_audit.py']);
  // Replaying both heads applies both branches.
  assert.deepEqual(replayMigrations(twoHeads, 'heads').types.get('public.eventcategory')!.labels, ['audit', 'info', 'alert', 'debug']);
});

test('missing down_revision, duplicate ids and cycles are reported', () => {
  const [root, child] = twoHeads;
  const orphan = { ...child, revision: 'dddd', downRevisions: ['zzzz'] };
  const duplicate = { ...child, file: 'copy.py' };
  const cycleA = { ...child, revision: 'x1', downRevisions: ['x2'] };
  const cycleB = { ...child, revision: 'x2', downRevisions: ['x1'] };
  const graph = buildRevisionGraph([root, child, orphan, duplicate, cycleA, cycleB]);
  const messages = graph.problems.map((p) => p.message);
  assert.ok(messages.includes('Revision zzzz referenced from dddd (down_revision) is not present'));
  assert.ok(messages.some((m) => /^Revision bbbb00000002 is defined twice \(.*bbbb00000002_add_debug\.py and copy\.py\)/.test(m)));
  assert.equal(messages.filter((m) => /part of a cycle/.test(m)).length, 2);
  assert.ok(!graph.order.includes('x1') && !graph.order.includes('x2'));
});

test('SQL replay: the errors PostgreSQL would raise, and IF NOT EXISTS / checkfirst that avoid them', () => {
  const sql = [
    "CREATE TYPE mood AS ENUM ('sad', 'ok');",
    "CREATE TYPE mood AS ENUM ('again');",
    "ALTER TYPE mood ADD VALUE 'ok';",
    "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok';",
    "ALTER TYPE mood ADD VALUE 'meh' BEFORE 'missing';",
    "ALTER TYPE mood RENAME VALUE 'gone' TO 'x';",
    "ALTER TYPE mood RENAME VALUE 'sad' TO 'ok';",
    "ALTER TYPE mood ADD VALUE 'happy' BEFORE 'sad';",
    'ALTER TYPE mood RENAME TO feeling;',
    "CREATE TYPE audit.level AS ENUM ('low');",
    'DROP TYPE audit.level;',
    'DROP TYPE IF EXISTS audit.level;',
    "ALTER TYPE external_type ADD VALUE 'x';",
    'CREATE TABLE t (f feeling, e external_type);',
  ].join('\n');
  const { ops } = extractSqlEnumOps('m.sql', sql);
  const result = replaySqlOps(ops);
  assert.deepEqual(labelsOf(result), { 'public.feeling': ['happy', 'sad', 'ok', 'meh'] });
  assert.deepEqual(result.problems.map((p) => [p.range.line, p.severity, p.message]), [
    [1, 'error', 'type "mood" already exists (created at m.sql:1); this create fails with DuplicateObject'],
    [2, 'error', 'enum label "ok" already exists in type "mood"'],
    [4, 'error', '"missing" is not an existing enum label of type "mood"'],
    [5, 'error', '"gone" is not an existing enum label of type "mood"'],
    [6, 'error', 'enum label "ok" already exists in type "mood"'],
    [12, 'info', 'type "external_type" is not created by any earlier migration (created outside the repository?)'],
  ]);
  const feeling = result.types.get('public.feeling')!;
  assert.equal(feeling.revision, undefined);
  assert.equal(feeling.lastChangedAt.range.line, 8);
  assert.deepEqual(feeling.uses.map((u) => u.column), ['f']);
  // A checkfirst create of an existing type is silently skipped, as SQLAlchemy's create(checkfirst=True) does.
  const again = replaySqlOps([...ops.slice(0, 1), { ...(ops[1] as Extract<typeof ops[number], { kind: 'create' }>), checkFirst: true }]);
  assert.deepEqual(again.problems, []);
  assert.deepEqual(again.types.get('public.mood')!.labels, ['sad', 'ok']);
});
