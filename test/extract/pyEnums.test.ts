// Python enum classes from fixtures: flavors under every import spelling, members and non-members, auto()
// resolution per flavor, aliases, member-less bases, Python 3.12 syntax and U+FFFD text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PyEnumClass, PyValue } from '../../server/src/core/model/types';
import { extractFixture, extractPython, rangeOfText, readFixture } from './pythonFixture';

function membersOf(enums: PyEnumClass[], name: string): [string, PyValue, string?][] {
  const found = enums.find((e) => e.name === name);
  assert.ok(found, `enum ${name} not found`);
  return found.members.map((m) => (m.aliasOf ? [m.name, m.value, m.aliasOf] : [m.name, m.value]));
}

const int = (value: number): PyValue => ({ kind: 'int', value });
const str = (value: string): PyValue => ({ kind: 'str', value });

test('flavors and bases under every import spelling; non-enum classes are skipped', async () => {
  const { enums } = await extractFixture('enum_members.py');
  assert.deepEqual(enums.map((e) => [e.name, e.flavor, e.bases]), [
    ['Plain', 'enum', ['enum.Enum']],
    ['Mixed', 'str-mixin', ['str', 'E']],
    ['Number', 'int-mixin', ['int', 'e.Enum']],
    ['Level', 'int-mixin', ['IntEnum']],
    ['Color', 'strenum', ['StrEnum']],
    ['Perm', 'flag', ['Flag']],
    ['Bits', 'flag', ['IntFlag']],
    ['Base', 'str-mixin', ['str', 'enum.Enum']],
    ['Derived', 'str-mixin', ['Base']],
  ]);
  assert.equal(enums[0].module, 'fixtures.enum_members');
});

test('members: _ignore_, dunder/sunder/private names, methods, nested classes and bare annotations are not members', async () => {
  const { enums } = await extractFixture('enum_members.py');
  assert.deepEqual(membersOf(enums, 'Plain'), [
    ['ONE', int(1)],
    ['TWO', int(2)],
    ['UNO', int(1), 'ONE'],
    ['HEX', int(-16)],
    ['PAIR', { kind: 'other', text: '(1, 2)' }],
    ['_single', int(7)],
  ]);
  assert.deepEqual(membersOf(enums, 'Derived'), [['YES', str('yes')]]);
  assert.deepEqual(membersOf(enums, 'Base'), []);
});

test('auto() per flavor: ints from 1, last + 1, powers of two for Flag, lower-cased names for StrEnum', async () => {
  const { enums } = await extractFixture('enum_members.py');
  assert.deepEqual(membersOf(enums, 'Number'), [['A', int(10)], ['B', int(11)]]);
  assert.deepEqual(membersOf(enums, 'Level'), [['LOW', int(1)], ['HIGH', int(5)], ['NEXT', int(6)]]);
  assert.deepEqual(membersOf(enums, 'Color'), [['RED', str('red')], ['DarkBlue', str('darkblue')], ['CRIMSON', str('red'), 'RED']]);
  assert.deepEqual(membersOf(enums, 'Perm'), [['R', int(1)], ['W', int(2)], ['X', int(4)], ['RW', { kind: 'other', text: 'R | W' }]]);
  assert.deepEqual(membersOf(enums, 'Bits'), [['A', int(4)], ['B', int(8)]]);
});

test('(str, Enum): aliases by equal value, int literals become str as in Python 3.11+, auto() stays unresolved', async () => {
  const { enums } = await extractFixture('enum_members.py');
  assert.deepEqual(membersOf(enums, 'Mixed'), [
    ['ADMIN', str('admin')],
    ['ROOT', str('admin'), 'ADMIN'],
    ['ONE', str('1')],
    ['INT_ONE', str('1'), 'ONE'],
    ['LATER', { kind: 'auto' }],
  ]);
});

test('a plain Enum keeps "1" and 1 apart; auto() after non-ascending values stays unresolved', async () => {
  const text = 'import enum\nclass E(enum.Enum):\n    A = "1"\n    B = 1\n    C = 5\n    D = 2\n    F = enum.auto()\n';
  const { enums } = await extractPython('app/e.py', text);
  assert.deepEqual(membersOf(enums, 'E'), [['A', str('1')], ['B', int(1)], ['C', int(5)], ['D', int(2)], ['F', { kind: 'auto' }]]);
});

test('locations are the 0-based name identifiers', async () => {
  const text = readFixture('enum_members.py');
  const { enums } = await extractFixture('enum_members.py');
  const mixed = enums.find((e) => e.name === 'Mixed')!;
  assert.deepEqual(mixed.location.range, rangeOfText(text, 'Mixed'));
  assert.deepEqual(mixed.location.range, { line: 25, column: 6, endLine: 25, endColumn: 11 });
  assert.deepEqual(mixed.members[1].location, { file: 'fixtures/enum_members.py', range: { line: 27, column: 4, endLine: 27, endColumn: 8 } });
});

test('Enum is not an enum base when imported from sqlalchemy', async () => {
  const text = 'from sqlalchemy import Enum\nclass NotPy(Enum):\n    A = 1\n';
  const { enums } = await extractPython('m.py', text);
  assert.deepEqual(enums, []);
});

test('Python 3.12 syntax and U+FFFD text parse without problems and keep their enums', async () => {
  const modern = await extractFixture('py312_syntax.py');
  assert.deepEqual(modern.parse.problems, []);
  assert.deepEqual(membersOf(modern.enums, 'Role'), [['ADMIN', str('admin')]]);
  const replaced = await extractFixture('replacement_char.py');
  assert.deepEqual(membersOf(replaced.enums, 'Mood'), [['ODD', str('caf\uFFFD')], ['PLAIN', str('plain')]]);
  // Columns are UTF-16 based: PLAIN's line is unaffected, ODD's value ends one unit after the U+FFFD.
  assert.deepEqual(replaced.enums[0].members[1].location.range, { line: 9, column: 4, endLine: 9, endColumn: 9 });
});
