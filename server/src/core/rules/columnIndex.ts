// Column lookups the rules share, built once per analysis so a rule's cost stays linear in the workspace:
// the database's columns by schema.table.column, and the enum type each migration gives a table.column.
import type { EnumModel } from '../model/buildModel';
import type { DatabaseSnapshot, DbColumn, SourceLocation } from '../model/types';

export interface MigrationColumnType {
  schema: string;
  name: string;
  location: SourceLocation;
}

export class ColumnIndex {
  private readonly dbColumns = new Map<string, DbColumn>();
  private readonly migrationTypes = new Map<string, MigrationColumnType>();
  private readonly migrationTables = new Set<string>();

  constructor(model: EnumModel, database: DatabaseSnapshot | undefined) {
    for (const column of database?.columns ?? []) this.dbColumns.set(`${column.schema}.${column.table}.${column.column}`, column);
    for (const revision of model.alembic.revisions) for (const table of revision.createdTables ?? []) this.migrationTables.add(table);
    for (const type of model.types) {
      for (const use of type.migrations?.uses ?? []) {
        const key = `${use.table}.${use.column}`;
        if (!this.migrationTypes.has(key)) this.migrationTypes.set(key, { schema: type.type.schema, name: type.type.name, location: use.location });
      }
    }
  }

  databaseColumn(schema: string, table: string, column: string): DbColumn | undefined {
    return this.dbColumns.get(`${schema}.${table}.${column}`);
  }

  /** Whether some migration creates `table` (schema-qualified outside public). */
  migrationsCreateTable(table: string): boolean {
    return this.migrationTables.has(table);
  }

  /** The enum type the migrations (at head) give `table.column`. */
  migrationColumnType(table: string, column: string): MigrationColumnType | undefined {
    return this.migrationTypes.get(`${table}.${column}`);
  }
}
