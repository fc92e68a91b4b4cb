// The facts EnumGuard reasons about, shared by every extractor, rule, reporter and the language server.
// Positions are 0-based; columns count UTF-16 code units (what LSP and JS strings use).
// Files are workspace-relative POSIX paths ("app/models.py").

export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A place in the workspace: a file plus a range inside it. */
export interface SourceLocation {
  file: string;
  range: SourceRange;
}

/** A problem found while reading a file (syntax error, unreadable bytes, too large). Never thrown. */
export interface ParseProblem {
  file: string;
  range: SourceRange;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

/** A schema-qualified PostgreSQL type name; schema undefined means "not said" (search_path, usually public). */
export interface QualifiedName {
  schema?: string;
  name: string;
}

// ---------- Python enum classes ----------

export type PyValue =
  | { kind: 'str'; value: string }
  | { kind: 'int'; value: number }
  /** auto() not yet resolved by the extractor (resolution depends on the class flavor; see pyEnums). */
  | { kind: 'auto' }
  /** Anything else: a tuple, a call, a name. `text` is the source text. */
  | { kind: 'other'; text: string };

export interface PyEnumMember {
  name: string;
  /** The member value after auto() resolution where Python's rules make it knowable. */
  value: PyValue;
  location: SourceLocation;
  /** The value expression (right-hand side), for edits that align a value with a database label. */
  valueLocation?: SourceLocation;
  /** Set when an earlier member has the same value: Python makes this name an alias of that member. */
  aliasOf?: string;
}

/**
 * How the class behaves when SQLAlchemy asks for names, values or str():
 * 'enum' plain Enum; 'str-mixin' class X(str, Enum); 'strenum' StrEnum; 'int-mixin' IntEnum or (int, Enum);
 * 'flag' Flag/IntFlag.
 */
export type PyEnumFlavor = 'enum' | 'str-mixin' | 'strenum' | 'int-mixin' | 'flag';

export interface PyEnumClass {
  name: string;
  /** Dotted module path derived from the file path ("app/enums.py" -> "app.enums"). */
  module: string;
  location: SourceLocation; // the class name identifier
  flavor: PyEnumFlavor;
  members: PyEnumMember[];
  /** Base names as written, e.g. ["str", "enum.Enum"]. */
  bases: string[];
}

// ---------- SQLAlchemy enum bindings (ORM truth) ----------

/** What values_callable does, classified from its source shape. */
export type ValuesCallableShape =
  | 'member-values'       // lambda x: [e.value for e in x]  (canonical)
  | 'member-names'        // lambda x: [e.name for e in x]
  | 'member-str'          // lambda x: [str(e) for e in x]
  | 'lower-names'         // lambda x: [e.name.lower() for e in x]
  | 'not-a-list'          // lambda x: x.value  (AttributeError at import)
  | 'unknown';            // a function reference or anything we cannot evaluate

export interface ValuesCallable {
  shape: ValuesCallableShape;
  text: string;
  /** The whole `values_callable=...` keyword argument. */
  location: SourceLocation;
}

export interface OrmEnumBinding {
  /** Stable within one analysis: `${file}:${line}:${column}` of `location`. */
  id: string;
  orm: 'sqlalchemy';
  /** The column declaration: from the attribute name (or Column/mapped_column call) to the end of the call. */
  location: SourceLocation;
  /** The Enum(...) / ENUM(...) call itself, when there is one (absent for bare Mapped[Cls]). */
  enumCall?: SourceLocation;
  /** Where the argument list of the Enum call ends (just before ')'), for inserting keywords. */
  enumCallArgsEnd?: SourceLocation;
  /** "User.role" for ORM classes, "users.role" for Core Table columns. */
  attribute: string;
  modelClass?: string;
  table?: string;
  column?: string;
  /** What the labels come from: a Python enum class (by the name used at this site) or string literals. */
  source:
    | { kind: 'class'; localName: string; resolvedModule?: string }
    | { kind: 'literals'; labels: string[] };
  /** name= keyword as written (undefined: derived from the class name, lower-cased). */
  explicitName?: string;
  /** The `name=...` keyword argument, for edits that rename the type the ORM names. */
  explicitNameLocation?: SourceLocation;
  /** schema= keyword, or the table's/MetaData's schema when inherit_schema applies. */
  schema?: string;
  nativeEnum: boolean;
  createConstraint: boolean;
  length?: number;
  /** postgresql.ENUM(create_type=False): the ORM never creates the type. */
  createType: boolean;
  omitAliases: boolean;
  valuesCallable?: ValuesCallable;
  via: 'Enum' | 'postgresql.ENUM' | 'Mapped-annotation' | 'type_annotation_map';
  isArray: boolean;
  /** `# enumguard: ignore[rule-id]` comments on the declaration's lines; '*' for a bare ignore. */
  ignoredRules: string[];
}

/** A type_annotation_map entry on a declarative Base: { enum.Enum: Enum(..., values_callable=...) }. */
export interface TypeAnnotationMapEntry {
  baseClass: string;
  /** "enum.Enum" / "Enum" applies to every enum class; any other key to that class only. */
  key: string;
  binding: Omit<OrmEnumBinding, 'id' | 'location' | 'attribute' | 'source'> & { location: SourceLocation };
}

/** local name -> where it comes from, for resolving enum classes across modules. */
export interface PyImport {
  localName: string;
  module: string; // absolute dotted module ("app.enums"), relative imports already resolved
  name?: string; // undefined for `import x as y` (module alias)
}

// ---------- Migrations (Alembic revisions, SQL files) ----------

export type EnumOp =
  | {
      kind: 'create';
      type: QualifiedName;
      /** Labels in order. Empty when they come from a Python enum class (see `enumClass`). */
      labels: string[];
      /** sa.Enum(SomeEnumClass, ...) inside a migration: the model resolves the class and its persisted labels. */
      enumClass?: { localName: string; resolvedModule?: string; valuesCallable?: ValuesCallable };
      location: SourceLocation;
      via: 'create_table' | 'enum-create' | 'sql' | 'add_column';
      /** Enum(...).create(bind) checks the catalog first (checkfirst defaults to True): no error if the type exists. */
      checkFirst?: boolean;
    }
  | { kind: 'add-value'; type: QualifiedName; label: string; before?: string; after?: string; ifNotExists: boolean; location: SourceLocation }
  | { kind: 'rename-value'; type: QualifiedName; from: string; to: string; location: SourceLocation }
  | { kind: 'rename-type'; type: QualifiedName; newName: string; location: SourceLocation }
  | { kind: 'drop'; type: QualifiedName; ifExists: boolean; cascade: boolean; location: SourceLocation }
  /** A column that uses the type (create_table / add_column / ALTER COLUMN TYPE). */
  | { kind: 'use'; type: QualifiedName; table: string; column: string; location: SourceLocation };

export interface AlembicRevision {
  revision: string;
  downRevisions: string[]; // [] for the root; two or more for a merge
  file: string;
  location: SourceLocation; // the `revision = "..."` assignment
  upgrade: EnumOp[];
  downgrade: EnumOp[];
  /** Tables the upgrade creates with op.create_table (schema-qualified outside public). */
  createdTables?: string[];
  /** op.execute(...) strings that failed to parse as SQL, etc. */
  problems: ParseProblem[];
}

export interface AlembicProject {
  /** Folder holding versions/, relative to the workspace root. */
  scriptLocation: string;
  revisions: AlembicRevision[];
}

/** Per-file extraction result: the unit the incremental index stores and replaces on edit. */
export interface FileFacts {
  file: string;
  module?: string;
  enums: PyEnumClass[];
  bindings: OrmEnumBinding[];
  typeAnnotationMaps: TypeAnnotationMapEntry[];
  imports: PyImport[];
  revision?: AlembicRevision;
  /** EnumOps from a plain .sql file (schema dump or SQL migration). */
  sqlOps?: EnumOp[];
  /**
   * Set when the text pre-filter skipped parsing: the names used in `Mapped[...]` annotations. The index parses the
   * file after all if one of them turns out to be an enum class (a bare `Mapped[Role]` is an enum column).
   */
  deferredMappedNames?: string[];
  /** For alembic.ini: the script_location it names, relative to the workspace root. */
  alembicScriptLocation?: string;
  problems: ParseProblem[];
}

// ---------- Live database truth ----------

export interface DbEnumType {
  schema: string;
  name: string;
  labels: string[]; // in enumsortorder
}

export interface DbColumn {
  schema: string;
  table: string;
  column: string;
  /** For enum columns: the enum type; for other columns undefined. */
  enumType?: { schema: string; name: string };
  isArray: boolean;
  /** information_schema style data type: 'USER-DEFINED', 'character varying', 'text', ... */
  dataType: string;
  maxLength?: number;
  /** Labels allowed by a CHECK (col IN (...)) constraint, when one exists. */
  checkLabels?: string[];
}

export interface DbLabelCounts {
  schema: string;
  table: string;
  column: string;
  /** label -> number of rows holding it (exact or from a bounded sample, see `exact`). */
  counts: Record<string, number>;
  /** Rows in the table (exact when `exact`, else pg_class.reltuples estimate). */
  totalRows: number;
  exact: boolean;
}

export interface DatabaseSnapshot {
  /** 'live' for a real server, 'embedded' for PGlite loaded from a schema file. Never the URL. */
  source: 'live' | 'embedded';
  /** Safe description: "postgresql://app@db.internal:5432/app" without password, or "schema.sql (embedded)". */
  description: string;
  serverVersion: string;
  enumTypes: DbEnumType[];
  columns: DbColumn[];
  labelCounts: DbLabelCounts[];
  /** alembic_version rows, or null when the table does not exist. */
  alembicVersions: string[] | null;
  /** What the snapshot could not do fully: sampled or skipped label counts, skipped schema-file statements. */
  notes?: string[];
}

// ---------- Findings ----------

export type Severity = 'error' | 'warning' | 'info';

export type RuleId =
  | 'persist-mismatch'
  | 'unloadable-rows'
  | 'bad-values-callable'
  | 'type-name-mismatch'
  | 'missing-type'
  | 'migration-drift'
  | 'alembic-version-behind';

export interface TextEdit {
  file: string;
  range: SourceRange;
  newText: string;
}

export interface Fix {
  title: string;
  /** Edits to existing files. */
  edits: TextEdit[];
  /** A new file to create (a generated migration), path relative to the workspace root. */
  newFile?: { file: string; content: string };
  isPreferred?: boolean;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  location: SourceLocation;
  /** Schema-qualified only outside public: "userrole", "audit.level". */
  enumType: string;
  /** The other truths: the migration line, the enum class, ... */
  related: { location: SourceLocation; message: string }[];
  fixes: Fix[];
}
