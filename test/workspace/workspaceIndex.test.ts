// The workspace index over real files: the text pre-filter, the deferred parse of bare Mapped[Role] columns,
// incremental updates, excluded folders, binary and oversized files.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initEngine, WorkspaceIndex } from '../../server/src/core/engine';
import { defaultConfig, parseConfig } from '../../server/src/core/config/config';

before(() => initEngine());

function workspace(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'enumguard-index-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}

const kinds = 'import enum\n\n\nclass Role(str, enum.Enum):\n    ADMIN = "admin"\n';
// No word the pre-filter looks for: only Mapped[Role] says this is an enum column.
const account = 'from sqlalchemy.orm import Mapped, mapped_column\n\nfrom app.kinds import Role\nfrom app.db import Base\n\n\nclass Account(Base):\n    __tablename__ = "accounts"\n    role: Mapped[Role] = mapped_column()\n';

test('a bare Mapped[Role] column in a file the pre-filter skips is found once Role is known to be an enum', async () => {
  const root = workspace({ 'app/kinds.py': kinds, 'app/account.py': account, 'app/util.py': 'def total(items):\n    return sum(i for i in enumerate(items))\n' });
  const index = new WorkspaceIndex(root, defaultConfig());
  await index.indexAll();
  const bindings = index.fileFacts('app/account.py')!.bindings;
  assert.deepEqual(bindings.map((b) => [b.attribute, b.via]), [['Account.role', 'Mapped-annotation']]);
  assert.equal(index.fileFacts('app/util.py')!.deferredMappedNames, undefined, '"enumerate" does not pass the pre-filter');
});

test('an edit that makes a Mapped[...] name an enum class parses the files that use it', async () => {
  const root = workspace({ 'app/kinds.py': 'class Role:\n    pass\n', 'app/account.py': account });
  const index = new WorkspaceIndex(root, defaultConfig());
  await index.indexAll();
  assert.equal(index.fileFacts('app/account.py')!.bindings.length, 0);
  assert.deepEqual(index.fileFacts('app/account.py')!.deferredMappedNames, ['Role']);
  index.update('app/kinds.py', kinds);
  assert.equal(index.fileFacts('app/account.py')!.bindings.length, 1);
});

test('excluded folders, binary files and files over the size limit never stop the rest', async () => {
  const root = workspace({
    'app/kinds.py': kinds,
    'node_modules/pkg/enums.py': kinds,
    '.venv/lib/enums.py': kinds,
    'app/blob.py': Buffer.from([0x69, 0x6d, 0x00, 0x01, 0x02]),
    'app/huge.py': Buffer.alloc(6 * 1024 * 1024, 0x61),
    'app/latin1.py': Buffer.concat([Buffer.from('import enum\n# caf'), Buffer.from([0xe9]), Buffer.from('\nclass Mood(enum.Enum):\n    OK = "ok"\n')]),
  });
  const index = new WorkspaceIndex(root, defaultConfig());
  await index.indexAll();
  assert.deepEqual(index.facts().map((f) => f.file).sort(), ['app/blob.py', 'app/huge.py', 'app/kinds.py', 'app/latin1.py']);
  assert.match(index.fileFacts('app/blob.py')!.problems[0].message, /binary/);
  assert.match(index.fileFacts('app/huge.py')!.problems[0].message, /over EnumGuard's 5 MB limit/);
  assert.deepEqual(index.fileFacts('app/latin1.py')!.enums.map((e) => e.name), ['Mood'], 'invalid UTF-8 still yields facts');
});

test('include globs from the config limit what is read', async () => {
  const root = workspace({ 'app/kinds.py': kinds, 'scripts/kinds.py': kinds });
  const index = new WorkspaceIndex(root, parseConfig({ include: ['app/**'] }, 'test'));
  await index.indexAll();
  assert.deepEqual(index.facts().map((f) => f.file), ['app/kinds.py']);
});
