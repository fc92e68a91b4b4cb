// THE rule registry: one explicit array. Adding a rule means one file, one entry here, one spec, one doc section.
import type { Rule } from './rule';
import { persistMismatch } from './persistMismatch';
import { unloadableRows } from './unloadableRows';
import { badValuesCallable } from './badValuesCallable';
import { typeNameMismatch } from './typeNameMismatch';
import { missingType } from './missingType';
import { migrationDrift } from './migrationDrift';
import { alembicVersionBehind } from './alembicVersionBehind';

export const rules: readonly Rule[] = [
  persistMismatch,
  unloadableRows,
  badValuesCallable,
  typeNameMismatch,
  missingType,
  migrationDrift,
  alembicVersionBehind,
];
