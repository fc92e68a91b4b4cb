// Alembic revisions from real fixture files: the revision graph fields, enum ops from create_table, ENUM.create,
// add_column, op.execute SQL (autocommit blocks, sa.text, escapes, concatenation, f-strings), and alembic.ini.
import { before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { readScriptLocation } from '../../server/src/core/extract/alembicIni';
import { extractAlembicRevision } from '../../server/src/core/extract/alembic';
import { extractImports } from '../../server/src/core/extract/pyImports';
import { parsePython } from '../../server/src/core/parse/python';
import type { AlembicRevision, EnumOp } from '../../server/src/core/model/types';
import { initParsers, loadRevisions, textAt } from '../support/alembicFixtures';

const versions = 'test/fixtures/alembic/migrations/versions';
let revisions: AlembicRevision[];
const byId = (id: string) => revisions.find((r) => r.revision === id)!;
const source = (revision: AlembicRevision) => fs.readFileSync(revision.file, 'utf8');
const brief = (op: EnumOp) => {
  switch (op.kind) {
    case 'create': return `create ${op.type.name} [${op.labels.join(',')}] via ${op.via}${op.checkFirst ? ' checkfirst' : ''}`;
    case 'use': return `use ${op.type.name} ${op.table}.${op.column}`;
    case 'add-value': return `add ${op.type.name} ${op.label}${op.before ? ` before ${op.before}` : ''}${op.after ? ` after ${op.after}` : ''}${op.ifNotExists ? ' if-not-exists' : ''}`;
    case 'rename-value': return `rename-value ${op.type.name} ${op.from}->${op.to}`;
    case 'rename-type': return `rename-type ${op.type.name}->${op.newName}`;
    case 'drop': return `drop ${op.type.name}${op.ifExists ? ' if-exists' : ''}${op.cascade ? ' cascade' : ''}`;
  }
};

before(async () => {
  await initParsers();
  revisions = loadRevisions(versions);
});

test('every fixture revision is found with its down_revision (None, str, tuple; Union annotations)', () => {
  assert.deepEqual(revisions.map((r) => [r.revision, r.downRevisions]), [
    ['1a2b3c4d5e6f', []],
    ['2b3c4d5e6f70', ['1a2b3c4d5e6f']],
    ['3c4d5e6f7081', ['1a2b3c4d5e6f']],
    ['4d5e6f708192', ['2b3c4d5e6f70', '3c4d5e6f7081']],
    ['5e6f708192a3', ['4d5e6f708192']],
  ]);
  const initial = byId('1a2b3c4d5e6f');
  assert.equal(textAt(source(initial), initial.location.range), 'revision: str = "1a2b3c4d5e6f"');
  assert.deepEqual(initial.location.range, { line: 14, column: 0, endLine: 14, endColumn: 30 });
});

test('create_table creates each type once per revision even when two tables use it; create_type=False only uses', () => {
  const initial = byId('1a2b3c4d5e6f');
  assert.deepEqual(initial.upgrade.map(brief), [
    'create userrole [admin,user] via create_table',
    'use userrole users.role',
    'create taskstatus [pending,active] via create_table',
    'use taskstatus users.status',
    'use taskstatus tasks.status',
    'use userrole tasks.owner_role',
  ]);
  const text = source(initial);
  assert.equal(textAt(text, initial.upgrade[0].location.range), 'sa.Enum("admin", "user", name="userrole")');
  assert.match(textAt(text, initial.upgrade[1].location.range), /^sa\.Column\("role", sa\.Enum/);
  // downgrade: sa.Enum(name=...).drop(bind) (checkfirst defaults to True) and DROP TYPE in op.execute
  assert.deepEqual(initial.downgrade.map(brief), ['drop taskstatus if-exists', 'drop userrole']);
  assert.equal(textAt(text, initial.downgrade[1].location.range), 'DROP TYPE userrole');
});

test('op.execute inside autocommit_block: ADD VALUE IF NOT EXISTS AFTER, located on the label', () => {
  const revision = byId('2b3c4d5e6f70');
  assert.deepEqual(revision.upgrade.map(brief), ['add taskstatus archived after pending if-not-exists']);
  const op = revision.upgrade[0];
  assert.deepEqual(op.location.range, { line: 16, column: 66, endLine: 16, endColumn: 76 });
  assert.equal(textAt(source(revision), op.location.range), "'archived'");
});

test('sa.text triple-quoted SQL, a module-level ENUM variable created explicitly, and add_column (no create)', () => {
  const revision = byId('3c4d5e6f7081');
  assert.deepEqual(revision.upgrade.map(brief), [
    'rename-value userrole user->member',
    'create visibility [private,public] via enum-create',
    'use visibility tasks.visibility',
  ]);
  const text = source(revision);
  assert.equal(textAt(text, revision.upgrade[0].location.range), "'user' TO 'member'");
  assert.equal(revision.upgrade[0].location.range.line, 17);
  assert.deepEqual(revision.downgrade.map(brief), ['drop visibility if-exists', 'rename-value userrole member->user']);
});

test('Enum(PyClass).create(bind): class reference with values_callable; escapes and concatenation keep exact columns', () => {
  const revision = byId('5e6f708192a3');
  assert.deepEqual(revision.upgrade.map(brief), [
    'create priority [] via enum-create checkfirst',
    'use priority tasks.priority',
    'add taskstatus café before active',
    'add taskstatus done',
  ]);
  const create = revision.upgrade[0] as Extract<EnumOp, { kind: 'create' }>;
  assert.equal(create.enumClass?.localName, 'Priority');
  assert.equal(create.enumClass?.valuesCallable?.shape, 'member-values');
  const text = source(revision);
  assert.equal(textAt(text, revision.upgrade[2].location.range), "'café'");
  assert.equal(textAt(text, revision.upgrade[3].location.range), "'done'"); // after a \n escape on the same line
  assert.deepEqual(revision.problems.map((p) => [p.severity, p.range.line]), [['info', 20]]);
  assert.match(revision.problems[0].message, /f-string/);
  assert.deepEqual(revision.downgrade.map(brief), ['drop priority']);
});

function revisionOf(text: string, file = 'versions/x.py'): AlembicRevision | undefined {
  const parse = parsePython(file, text);
  try {
    return extractAlembicRevision(file, parse, extractImports(file, parse));
  } finally {
    parse.tree.delete();
  }
}

test('import spellings, batch_alter_table, alter_column, exec_driver_sql, SQL via a variable, schemas', () => {
  const revision = revisionOf([
    'from alembic import op',
    'import sqlalchemy',
    'from sqlalchemy import Enum, text',
    'from sqlalchemy.dialects.postgresql import ENUM',
    'revision = "r1"',
    'down_revision = ["r0"]',
    'SQL = "ALTER TYPE audit.level RENAME TO severity"',
    'def upgrade():',
    '    op.create_table("t", sqlalchemy.Column("k", Enum("a", name="kind", schema="audit")), schema="audit")',
    '    op.create_table("u", sqlalchemy.Column("k", Enum("x", name="inh", inherit_schema=True)), schema="s")',
    '    op.create_table("v", sqlalchemy.Column("k", Enum("x", name="plain", native_enum=False)))',
    '    with op.batch_alter_table("t", schema="audit") as batch_op:',
    '        batch_op.alter_column("k", type_=ENUM("a", "b", name="kind2", schema="audit", create_type=False))',
    '    conn = op.get_bind()',
    '    conn.exec_driver_sql("ALTER TYPE kind ADD VALUE \'b\'")',
    '    conn.execute(text("DROP TYPE IF EXISTS old CASCADE"))',
    '    op.execute(SQL)',
    'def downgrade():',
    '    pass',
  ].join('\n'));
  assert.ok(revision);
  assert.deepEqual(revision.downRevisions, ['r0']);
  assert.deepEqual(revision.upgrade.map((op) => `${brief(op)} ${op.type.schema ?? '-'}`), [
    'create kind [a] via create_table audit',
    'use kind audit.t.k audit',
    'create inh [x] via create_table s',
    'use inh s.u.k s',
    'use kind2 audit.t.k audit',
    'add kind b -',
    'drop old if-exists cascade -',
    'rename-type level->severity audit',
  ]);
});

test('files that are not revisions, and half-typed revisions, never throw', () => {
  assert.equal(revisionOf('revision = "abc"\n'), undefined);
  assert.equal(revisionOf('x = 1\n'), undefined);
  const broken = revisionOf('revision = "a"\ndown_revision = None\ndef upgrade():\n    op.create_table("t", sa.Column("c", sa.Enum("x", name=\n');
  assert.ok(broken);
  assert.equal(broken.revision, 'a');
  const noName = revisionOf('import sqlalchemy as sa\nfrom alembic import op\nrevision = "a"\ndown_revision = None\ndef upgrade():\n    op.create_table("t", sa.Column("c", sa.Enum("x")))\n');
  assert.deepEqual(noName?.upgrade, []);
  assert.equal(noName?.problems[0].severity, 'info');
});

test('alembic.ini script_location: %(here)s stripped, only the [alembic] section counts', () => {
  assert.equal(readScriptLocation(fs.readFileSync('test/fixtures/alembic/alembic.ini', 'utf8')), 'migrations');
  assert.equal(readScriptLocation(fs.readFileSync('test/fixtures/alembic-two-heads/alembic.ini', 'utf8')), 'migrations');
  assert.equal(readScriptLocation('[other]\nscript_location = nope\n[alembic]\nscript_location: db/alembic/\n'), 'db/alembic');
  assert.equal(readScriptLocation('[alembic]\nsqlalchemy.url = x\n'), undefined);
});
