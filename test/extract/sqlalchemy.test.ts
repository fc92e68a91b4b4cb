// SQLAlchemy enum bindings from fixtures: import spellings, keyword defaults, values_callable shapes, Core
// tables, Mapped-only columns, type_annotation_map, ignore comments, shared type objects, bad and huge input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePython } from '../../server/src/core/parse/python';
import { extractImports } from '../../server/src/core/extract/pyImports';
import { extractPyEnums } from '../../server/src/core/extract/pyEnums';
import { extractSqlAlchemy } from '../../server/src/core/extract/sqlalchemy';
import { recoverSyntax } from '../../server/src/core/extract/recoverSyntax';
import type { OrmEnumBinding } from '../../server/src/core/model/types';
import { extractFixture, extractPython, rangeOfText, readFixture } from './pythonFixture';

function byAttribute(bindings: OrmEnumBinding[]): Map<string, OrmEnumBinding> {
  return new Map(bindings.map((b) => [b.attribute, b]));
}

test('Enum and postgresql.ENUM under every import spelling; Python enum.Enum bases are not bindings', async () => {
  const { bindings, problems } = await extractFixture('import_spellings.py');
  assert.deepEqual(problems, []);
  assert.deepEqual(bindings.map((b) => [b.attribute, b.via, b.explicitName]), [
    ['Account.a', 'Enum', 'role_a'],
    ['Account.b', 'Enum', 'role_b'],
    ['Account.c', 'Enum', 'role_c'],
    ['Account.d', 'Enum', 'role_d'],
    ['Account.f', 'Enum', 'role_f'],
    ['Account.g', 'Enum', 'role_g'],
    ['Account.h', 'postgresql.ENUM', 'role_h'],
    ['Account.i', 'postgresql.ENUM', 'role_i'],
    ['Account.j', 'postgresql.ENUM', 'status_j'],
  ]);
  const j = bindings.at(-1)!;
  assert.deepEqual(j.source, { kind: 'class', localName: 'Status' });
  assert.equal(j.createType, false);
  assert.equal(bindings[0].createType, true);
});

test('a full binding: id, ranges, defaults per SQLAlchemy 2.0', async () => {
  const text = readFixture('import_spellings.py');
  const { bindings } = await extractFixture('import_spellings.py');
  const a = bindings[0];
  assert.deepEqual(a, {
    id: 'fixtures/import_spellings.py:32:4',
    orm: 'sqlalchemy',
    location: { file: 'fixtures/import_spellings.py', range: { line: 32, column: 4, endLine: 32, endColumn: 41 } },
    attribute: 'Account.a',
    modelClass: 'Account',
    table: 'accounts',
    column: 'a',
    enumCall: { file: 'fixtures/import_spellings.py', range: rangeOfText(text, 'Enum(Role, name="role_a")') },
    // Right after the last argument: `, values_callable=...` inserted there is valid with or without a trailing comma.
    enumCallArgsEnd: { file: 'fixtures/import_spellings.py', range: { line: 32, column: 39, endLine: 32, endColumn: 39 } },
    source: { kind: 'class', localName: 'Role' },
    explicitName: 'role_a',
    explicitNameLocation: { file: 'fixtures/import_spellings.py', range: { line: 32, column: 26, endLine: 32, endColumn: 39 } },
    nativeEnum: true,
    createConstraint: false,
    createType: true,
    omitAliases: true,
    via: 'Enum',
    isArray: false,
    ignoredRules: [],
  });
});

test('values_callable shapes, including function references and list(map(...))', async () => {
  const { bindings } = await extractFixture('values_callable_shapes.py');
  assert.deepEqual(bindings.map((b) => [b.explicitName, b.valuesCallable?.shape]), [
    ['vc_values', 'member-values'],
    ['vc_names', 'member-names'],
    ['vc_str', 'member-str'],
    ['vc_lower', 'lower-names'],
    ['vc_map', 'member-values'],
    ['vc_gen', 'member-values'],
    ['vc_def', 'member-values'],
    ['vc_opaque', 'unknown'],
    ['vc_lambda_name', 'member-names'],
    ['vc_member_names', 'member-names'],
  ]);
  const text = readFixture('values_callable_shapes.py');
  assert.deepEqual(bindings[0].valuesCallable, {
    shape: 'member-values',
    text: 'lambda x: [e.value for e in x]',
    location: { file: 'fixtures/values_callable_shapes.py', range: rangeOfText(text, 'values_callable=lambda x: [e.value for e in x]') },
  });
  const broken = await extractFixture('values_callable_broken.py');
  assert.equal(broken.bindings[0].valuesCallable?.shape, 'not-a-list');
});

test('Core Table columns: names, schemas (Table, MetaData, inherit_schema), ARRAY, literals, keywords', async () => {
  const text = readFixture('core_table.py');
  const { bindings } = await extractFixture('core_table.py');
  const columns = byAttribute(bindings);
  assert.deepEqual([...columns.keys()], ['events.kind', 'events.kinds', 'events.level', 'audit.kind']);
  const kind = columns.get('events.kind')!;
  assert.equal(kind.table, 'events');
  assert.equal(kind.column, 'kind');
  assert.equal(kind.modelClass, undefined);
  assert.equal(kind.schema, 'analytics'); // inherit_schema=True takes MetaData(schema="analytics")
  assert.deepEqual(kind.location.range, rangeOfText(text, 'Column("kind", Enum(Kind, name="event_kind", inherit_schema=True))'));
  assert.equal(columns.get('events.kinds')!.isArray, true);
  assert.equal(columns.get('events.kinds')!.schema, undefined);
  assert.deepEqual(columns.get('events.level')!.source, { kind: 'literals', labels: ['low', 'high'] });
  const audit = columns.get('audit.kind')!;
  assert.deepEqual([audit.schema, audit.nativeEnum, audit.length, audit.createConstraint], ['audit', false, 12, true]);
});

test('Mapped[Cls] without an explicit type is a binding; String() and non-enum annotations are not', async () => {
  const { bindings } = await extractFixture('mapped_only.py');
  const columns = byAttribute(bindings);
  assert.deepEqual([...columns.keys()], [
    'Member.role', 'Member.maybe_role', 'Member.union_role', 'Member.piped_role', 'Member.quoted_role', 'Member.empty_enum',
  ]);
  for (const name of ['Member.role', 'Member.maybe_role', 'Member.union_role', 'Member.piped_role', 'Member.quoted_role']) {
    const binding = columns.get(name)!;
    assert.equal(binding.via, 'Mapped-annotation', name);
    assert.deepEqual(binding.source, { kind: 'class', localName: 'Role' });
    assert.equal(binding.enumCall, undefined);
    assert.equal(binding.nativeEnum, true);
  }
  assert.equal(columns.get('Member.piped_role')!.column, 'piped');
  assert.deepEqual(columns.get('Member.role')!.location.range, { line: 20, column: 4, endLine: 20, endColumn: 22 });
  // SQLAlchemy 2.0.40 does not fill an arg-less Enum() from Mapped[Role]: it holds no labels.
  const empty = columns.get('Member.empty_enum')!;
  assert.deepEqual([empty.via, empty.source, empty.nativeEnum], ['Enum', { kind: 'literals', labels: [] }, false]);
});

test('Mapped[X] hint names from modules without enums (datetime, typing) are ignored', async () => {
  const text = 'from datetime import datetime\nfrom sqlalchemy.orm import Mapped\nclass T:\n    at: Mapped[datetime]\n    role: Mapped[Role]\n';
  const { bindings } = await extractPython('m.py', text, ['datetime', 'Role']);
  assert.deepEqual(bindings.map((b) => b.attribute), ['T.role']);
});

test('type_annotation_map entries on the declarative Base', async () => {
  const text = readFixture('type_annotation_map.py');
  const { typeAnnotationMaps, bindings } = await extractFixture('type_annotation_map.py');
  assert.deepEqual(typeAnnotationMaps.map((t) => [t.baseClass, t.key, t.binding.nativeEnum, t.binding.length, t.binding.valuesCallable?.shape]), [
    ['Base', 'enum.Enum', true, undefined, 'member-values'],
    ['Base', 'Level', false, 10, undefined],
  ]);
  assert.equal(typeAnnotationMaps[0].binding.via, 'type_annotation_map');
  assert.deepEqual(typeAnnotationMaps[1].binding.location.range, rangeOfText(text, 'Level: sa.Enum(Level, native_enum=False, length=10)'));
  assert.deepEqual(bindings.map((b) => [b.attribute, b.via]), [['Ticket.role', 'Mapped-annotation'], ['Ticket.level', 'Mapped-annotation']]);
});

test('ignore comments on the declaration, on a comment line above, and inside a multi-line call', async () => {
  const { bindings } = await extractFixture('ignore_comments.py');
  assert.deepEqual(bindings.map((b) => [b.attribute, b.ignoredRules]), [
    ['Quiet.one', ['persist-mismatch', 'unloadable-rows']],
    ['Quiet.two', ['*']],
    ['Quiet.three', ['type-name-mismatch']],
    ['Quiet.four', []],
  ]);
  assert.deepEqual(bindings[2].location.range, { line: 21, column: 4, endLine: 23, endColumn: 5 });
});

test('shared type objects, with_variant() and labels from a module-level constant', async () => {
  const text = readFixture('shared_type_objects.py');
  const { bindings } = await extractFixture('shared_type_objects.py');
  const columns = byAttribute(bindings);
  const shared = rangeOfText(text, 'sa.Enum(Role, name=ROLE_TYPE_NAME)');
  assert.deepEqual(columns.get('Post.author_role')!.enumCall?.range, shared);
  assert.deepEqual(columns.get('Post.editor_role')!.enumCall?.range, shared);
  assert.equal(columns.get('Post.editor_role')!.explicitName, 'shared_role');
  assert.deepEqual(columns.get('Post.state')!.source, { kind: 'literals', labels: ['draft', 'published'] });
});

test('labels computed at run time give an info problem, not a binding', async () => {
  const text = readFixture('unreadable_labels.py');
  const { bindings, problems } = await extractFixture('unreadable_labels.py');
  assert.deepEqual(bindings, []);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].severity, 'info');
  assert.deepEqual(problems[0].range, rangeOfText(text, 'sa.Enum(*load_states(), name="job_state")'));
});

test('half-typed code: facts before the break always; recoverSyntax brings back what follows it', async () => {
  const file = 'fixtures/half_typed.py';
  const text = readFixture('half_typed.py');
  const raw = await extractPython(file, text);
  assert.ok(raw.parse.problems.length > 0);
  assert.deepEqual(raw.bindings.map((b) => b.attribute), ['Done.role']);

  const recovered = recoverSyntax(file, raw.parse);
  assert.notEqual(recovered.tree, raw.parse.tree);
  const imports = extractImports(file, recovered);
  const enums = extractPyEnums(file, 'fixtures.half_typed', recovered, imports);
  const orm = extractSqlAlchemy(file, recovered, imports, new Set(enums.map((e) => e.name)));
  assert.deepEqual(enums.map((e) => [e.name, e.members.map((m) => m.name)]), [['Role', ['ADMIN', 'USER']], ['Status', ['OPEN']]]);
  assert.deepEqual(orm.bindings.map((b) => [b.attribute, b.explicitName]), [['Done.role', 'done_role'], ['Typing.role', 'typing_role']]);
  // Positions are those of the original text: the repair only appends closers or overwrites with spaces.
  assert.deepEqual(orm.bindings[1].enumCall?.range.line, rangeOfText(text, 'sa.Enum(Role, name="typing_role"').line);
  assert.deepEqual(recovered.problems, raw.parse.problems);
  recovered.tree.delete();
});

test('a 10 MB generated models file: no throw, every binding found (timed)', async (t) => {
  const block = (i: number) => `class M${i}(Base):\n    __tablename__ = "m${i}"\n    id = Column(Integer, primary_key=True)\n` +
    `    role = Column(sa.Enum(Role, name="role_${i}", values_callable=lambda x: [e.value for e in x]))\n    note = Column(String(200))  # ${'x'.repeat(60)}\n\n`;
  const header = 'import enum\nimport sqlalchemy as sa\nfrom sqlalchemy import Column, Integer, String\n\nclass Role(enum.Enum):\n    A = "a"\n\n';
  const parts = [header];
  let size = header.length;
  let count = 0;
  while (size < 10 * 1024 * 1024) {
    const next = block(count++);
    parts.push(next);
    size += next.length;
  }
  const started = performance.now();
  const facts = await extractPython('big/models.py', parts.join(''));
  const elapsed = performance.now() - started;
  t.diagnostic(`10 MB (${count} models): parse + extract ${elapsed.toFixed(0)} ms`);
  assert.equal(facts.bindings.length, count);
  assert.equal(facts.bindings.at(-1)!.explicitName, `role_${count - 1}`);
  facts.parse.tree.delete();
});

test('a ~100 KB models file: parse + extract time (diagnostic only)', async (t) => {
  const header = 'import enum\nimport sqlalchemy as sa\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\n\n' +
    'class Role(enum.Enum):\n    ADMIN = "admin"\n    USER = "user"\n\nclass Base(DeclarativeBase):\n    pass\n\n';
  const parts = [header];
  let count = 0;
  for (let size = header.length; size < 100 * 1024; count++) {
    const model = `class Model${count}(Base):\n    __tablename__ = "model_${count}"\n    id: Mapped[int] = mapped_column(primary_key=True)\n` +
      `    role: Mapped[Role] = mapped_column(sa.Enum(Role, name="role_${count}"))\n    maybe: Mapped[Role | None]\n` +
      `    title: Mapped[str] = mapped_column(sa.String(120), nullable=False)\n\n`;
    parts.push(model);
    size += model.length;
  }
  const text = parts.join('');
  await extractPython('warm.py', header); // the first call loads the grammar
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const facts = await extractPython('models.py', text);
    runs.push(performance.now() - started);
    assert.equal(facts.bindings.length, count * 2);
    facts.parse.tree.delete();
  }
  runs.sort((a, b) => a - b);
  t.diagnostic(`${(text.length / 1024).toFixed(0)} KB, ${count} models: parse + extract median ${runs[2].toFixed(1)} ms (min ${runs[0].toFixed(1)}, max ${runs[4].toFixed(1)})`);
});

test('parsePython output for garbage input never makes the extractors throw', async () => {
  const inputs = ['\u0000\u0001\u0002 binary \uFFFD\uFFFD', 'class (Enum:\n  = auto(\n', 'Column(Enum(', 'x: Mapped[', 'Table("t", m, Column("c", Enum(*', ''];
  for (const input of inputs) {
    const facts = await extractPython('g.py', input);
    assert.ok(Array.isArray(facts.bindings));
    const recovered = recoverSyntax('g.py', facts.parse);
    extractSqlAlchemy('g.py', recovered, extractImports('g.py', recovered), new Set());
    if (recovered.tree !== facts.parse.tree) recovered.tree.delete();
    facts.parse.tree.delete();
  }
  assert.ok(parsePython);
});
