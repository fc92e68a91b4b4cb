// The result of one analysis: the three truths per PostgreSQL enum type, and the findings the rules derive.
import type {
  AlembicRevision, DatabaseSnapshot, DbColumn, DbEnumType, DbLabelCounts, FileFacts, Finding,
  OrmEnumBinding, ParseProblem, PyEnumClass, QualifiedName, SourceLocation,
} from './types';
import type { EnumGuardConfig } from '../config/config';

/** What SQLAlchemy writes and expects to read for one binding, or why it cannot (an import-time failure). */
export type PersistedLabels =
  | { ok: true; labels: string[] }
  /** `error` names the Python exception SQLAlchemy raises at import ("AttributeError: value"); `unresolved` means
   *  EnumGuard cannot know (the enum class is outside the workspace, or a value is computed). */
  | { ok: false; error: string; unresolved?: boolean };

export interface OrmUse {
  binding: OrmEnumBinding;
  /** The resolved Python enum class, when the binding names one and it is in the workspace. */
  enumClass?: PyEnumClass;
  /** The PostgreSQL type the ORM names (name= or class name lower-cased; schema resolved, default "public"). */
  typeName: QualifiedName & { schema: string };
  persisted: PersistedLabels;
}

export interface MigrationTruth {
  /** Labels after replaying the revisions up to `revision` (head, or the database's alembic_version). */
  labels: string[];
  createdAt?: SourceLocation;
  /** The last op that changed the labels (rename/add) or created the type. */
  lastChangedAt?: SourceLocation;
  revision?: string;
  /** Columns the migrations create with this type. */
  uses: { table: string; column: string; location: SourceLocation }[];
}

export interface EnumTypeModel {
  /** "userrole", or "audit.level" outside public. */
  key: string;
  type: QualifiedName & { schema: string };
  orm: OrmUse[];
  /** Labels at the Alembic head. */
  migrations?: MigrationTruth;
  /** Labels at the revision the database says it is at (alembic_version), when that differs from head. */
  migrationsAtDatabaseRevision?: MigrationTruth;
  database?: DbEnumType;
  dbColumns: DbColumn[];
  labelCounts: DbLabelCounts[];
}

export interface AlembicState {
  scriptLocations: string[];
  revisions: AlembicRevision[];
  heads: string[];
  /** Problems with the graph itself: multiple heads, a down_revision that does not exist, cycles. */
  problems: ParseProblem[];
}

export interface AnalysisInput {
  facts: FileFacts[];
  database?: DatabaseSnapshot;
  config: EnumGuardConfig;
}

export interface Analysis {
  types: EnumTypeModel[];
  findings: Finding[];
  problems: ParseProblem[];
  alembic: AlembicState;
  database?: DatabaseSnapshot;
}
