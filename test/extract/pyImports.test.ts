// Import facts and module names: every import form, relative imports (an __init__.py is its own package),
// imports under try/except and `if TYPE_CHECKING:`, and the scope that resolves dotted names through them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initPythonParser, parsePython } from '../../server/src/core/parse/python';
import { extractImports, ImportScope } from '../../server/src/core/extract/pyImports';
import { isPackageInit, moduleAliasesFor, moduleNameFor } from '../../server/src/core/extract/moduleName';
import { recoverSyntax } from '../../server/src/core/extract/recoverSyntax';
import { readFixture } from './pythonFixture';

test('module names and aliases follow the file path', () => {
  assert.equal(moduleNameFor('app/models/user.py'), 'app.models.user');
  assert.equal(moduleNameFor('app/__init__.py'), 'app');
  assert.equal(moduleNameFor('./enums.py'), 'enums');
  assert.equal(moduleNameFor('stubs/types.pyi'), 'stubs.types');
  assert.deepEqual(moduleAliasesFor('backend/app/enums.py'), ['backend.app.enums', 'app.enums', 'enums']);
  assert.deepEqual(moduleAliasesFor('app/__init__.py'), ['app']);
  assert.equal(isPackageInit('app/__init__.py'), true);
  assert.equal(isPackageInit('app/init.py'), false);
});

test('every import form of the fixture, in source order, relative imports resolved', async () => {
  await initPythonParser();
  const file = 'pkg/sub/import_forms.py';
  const imports = extractImports(file, parsePython(file, readFixture('import_forms.py')));
  assert.deepEqual(imports, [
    { localName: 'os', module: 'os' },
    { localName: 'pkg', module: 'pkg' },
    { localName: 'sat', module: 'sqlalchemy.types' },
    { localName: 'json', module: 'json' },
    { localName: 'TYPE_CHECKING', module: 'typing', name: 'TYPE_CHECKING' },
    { localName: 'enums', module: 'pkg.sub', name: 'enums' },
    { localName: 'm', module: 'pkg', name: 'models' },
    { localName: 'R', module: 'pkg.shared.enums', name: 'Role' },
    { localName: 'Level', module: 'pkg.shared.enums', name: 'Level' },
    { localName: 'A', module: 'pkg.sub.local', name: 'A' },
    { localName: 'Bee', module: 'pkg.sub.local', name: 'B' },
    { localName: '*', module: 'sqlalchemy.dialects.postgresql', name: '*' },
    { localName: 'StrEnum', module: 'enum', name: 'StrEnum' },
    { localName: 'StrEnum', module: 'backports.strenum', name: 'StrEnum' },
    { localName: 'User', module: 'pkg.models', name: 'User' },
  ]);
});

test('relative imports inside a package __init__.py start at the package itself', async () => {
  await initPythonParser();
  const file = 'app/models/__init__.py';
  const imports = extractImports(file, parsePython(file, 'from .user import User\nfrom ..enums import Role\nfrom ... import top\n'));
  assert.deepEqual(imports, [
    { localName: 'User', module: 'app.models.user', name: 'User' },
    { localName: 'Role', module: 'app.enums', name: 'Role' },
    { localName: 'top', module: '', name: 'top' },
  ]);
});

test('half-typed import lines: recoverSyntax keeps the complete imports around them; nothing throws', async () => {
  await initPythonParser();
  const file = 'app/x.py';
  const text = 'from sqlalchemy import Enum as\nimport enum\nfrom . import\nfrom sqlalchemy.orm import (Mapped,\n';
  const parse = parsePython(file, text);
  // Unrecovered, tree-sitter reads `as\nimport enum` as the alias "enum": the next line's import is lost.
  assert.deepEqual(extractImports(file, parse).map((i) => i.localName), ['enum']);
  const recovered = recoverSyntax(file, parse);
  assert.deepEqual(extractImports(file, recovered), [
    { localName: 'enum', module: 'enum' },
    { localName: 'Mapped', module: 'sqlalchemy.orm', name: 'Mapped' },
  ]);
  recovered.tree.delete();
  parse.tree.delete();
});

test('ImportScope resolves names through aliases; the last import of a name wins', () => {
  const scope = new ImportScope([
    { localName: 'sa', module: 'sqlalchemy' },
    { localName: 'SAEnum', module: 'sqlalchemy', name: 'Enum' },
    { localName: 'postgresql', module: 'sqlalchemy.dialects', name: 'postgresql' },
    { localName: 'e', module: 'enum' },
    { localName: 'X', module: 'first', name: 'X' },
    { localName: 'X', module: 'second', name: 'X' },
    { localName: '*', module: 'enum', name: '*' },
  ]);
  assert.equal(scope.resolve('sa.Enum'), 'sqlalchemy.Enum');
  assert.equal(scope.resolve('sa.types.Enum'), 'sqlalchemy.types.Enum');
  assert.equal(scope.resolve('SAEnum'), 'sqlalchemy.Enum');
  assert.equal(scope.resolve('postgresql.ENUM'), 'sqlalchemy.dialects.postgresql.ENUM');
  assert.equal(scope.resolve('e.Enum'), 'enum.Enum');
  assert.equal(scope.resolve('X'), 'second.X');
  assert.equal(scope.resolve('Enum'), undefined);
  assert.deepEqual(scope.wildcardModules, ['enum']);
});
