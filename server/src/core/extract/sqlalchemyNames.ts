// Recognises SQLAlchemy constructs by what their name was imported from, so `sa.Enum`, `SAEnum`,
// `sqlalchemy.types.Enum` and `postgresql.ENUM` are column types while Python's `enum.Enum` is not.
import type { Node } from 'web-tree-sitter';
import type { ImportScope } from './pyImports';
import { dottedName } from './pySyntax';

export type SqlAlchemyName = 'Enum' | 'postgresql.ENUM' | 'Column' | 'mapped_column' | 'ARRAY' | 'Table' | 'MetaData' | 'Mapped';

const qualifiedNames: [RegExp, SqlAlchemyName][] = [
  [/^sqlalchemy(\.types|\.sql\.sqltypes|\.sql)?\.Enum$/, 'Enum'],
  [/^sqlalchemy\.dialects\.postgresql(\.base|\.named_types)?\.ENUM$/, 'postgresql.ENUM'],
  [/^sqlalchemy(\.schema|\.sql\.schema|\.sql)?\.Column$/, 'Column'],
  [/^sqlalchemy\.orm(\._orm_constructors)?\.mapped_column$/, 'mapped_column'],
  [/^sqlalchemy(\.types|\.sql\.sqltypes)?\.ARRAY$/, 'ARRAY'],
  [/^sqlalchemy\.dialects\.postgresql(\.array)?\.ARRAY$/, 'ARRAY'],
  [/^sqlalchemy(\.schema|\.sql\.schema)?\.Table$/, 'Table'],
  [/^sqlalchemy(\.schema|\.sql\.schema)?\.MetaData$/, 'MetaData'],
  [/^sqlalchemy\.orm(\.base)?\.Mapped$/, 'Mapped'],
];

/** Names that mean the SQLAlchemy construct when they are not imported from anywhere else. */
const bareNames: Record<string, SqlAlchemyName> = {
  Column: 'Column', mapped_column: 'mapped_column', ARRAY: 'ARRAY', Table: 'Table', MetaData: 'MetaData', Mapped: 'Mapped',
};

/**
 * What a callee or annotation head names. `db.Enum` / `db.Column` on a local (not imported) object is
 * Flask-SQLAlchemy's re-export of SQLAlchemy. A bare `Enum` counts only under `from sqlalchemy import *`.
 */
export function sqlAlchemyNameOf(node: Node | null | undefined, scope: ImportScope): SqlAlchemyName | undefined {
  const dotted = dottedName(node);
  if (!dotted) return undefined;
  const resolved = scope.resolve(dotted);
  if (resolved !== undefined) return qualifiedNames.find(([pattern]) => pattern.test(resolved))?.[1];
  const parts = dotted.split('.');
  if (parts.length === 1) {
    if (dotted === 'Enum' || dotted === 'ENUM') {
      const fromSqlAlchemy = scope.wildcardModules.some((m) => m === 'sqlalchemy' || m === 'sqlalchemy.types');
      const fromPostgresql = scope.wildcardModules.some((m) => m.startsWith('sqlalchemy.dialects.postgresql'));
      if (dotted === 'Enum' && fromSqlAlchemy) return 'Enum';
      if (dotted === 'ENUM' && fromPostgresql) return 'postgresql.ENUM';
      return undefined;
    }
    return bareNames[dotted];
  }
  // `enum.Enum` stays Python's enum even when the import is not typed yet.
  if (parts.length === 2 && parts[0] !== 'enum') {
    if (parts[1] === 'Enum') return 'Enum';
    return bareNames[parts[1]];
  }
  return undefined;
}
