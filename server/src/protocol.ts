// Every custom EnumGuard message between the VS Code client and the language server, typed once.
// The client imports this file too, so both sides agree on names and shapes. Depends only on
// vscode-languageserver-protocol, which both vscode-languageserver and vscode-languageclient re-export.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** How the server sees the database of one workspace folder (or of the whole workspace, merged). */
export type ConnectionState = 'none' | 'embedded' | 'live' | 'error';

/**
 * enumguard/databaseUrl — server -> client request.
 * The server asks for the database URL of one workspace folder; the client answers from SecretStorage (or
 * with `{}` when none is stored). The URL only ever travels in this message: never in settings, logs or traces.
 */
export interface DatabaseUrlParams { folderUri: string }
export interface DatabaseUrlResult { url?: string }
export const DatabaseUrlRequest = new RequestType<DatabaseUrlParams, DatabaseUrlResult, void>('enumguard/databaseUrl');

/**
 * enumguard/testConnection — client -> server request.
 * Sent by "Connect to Database…" before storing a URL: the server opens a read-only connection, introspects
 * once and reports what it found. `message` is one safe line (no password).
 */
export interface TestConnectionParams { folderUri?: string; url: string }
export interface TestConnectionResult { ok: boolean; message: string; description?: string; enumTypes?: number }
export const TestConnectionRequest = new RequestType<TestConnectionParams, TestConnectionResult, void>('enumguard/testConnection');

/**
 * enumguard/checkDatabase — client -> server request.
 * Re-introspect now: the server asks for the URL again (enumguard/databaseUrl), reloads the snapshot, re-analyses
 * and publishes. Without folderUri every folder is refreshed. Returns the resulting status.
 */
export interface CheckDatabaseParams { folderUri?: string }
export const CheckDatabaseRequest = new RequestType<CheckDatabaseParams, StatusParams, void>('enumguard/checkDatabase');

/** One enum type with its three truths, as the Show Enum Map webview renders it. */
export interface EnumMapType {
  folderUri: string;
  key: string;
  orm: { attribute: string; file: string; line: number; persisted: string[] | { error: string }; members: { name: string; value: string }[] }[];
  migrations?: { labels: string[]; file?: string; line?: number; revision?: string };
  database?: { labels: string[] };
  /** label -> rows holding it, summed over every column of the type. */
  rows: Record<string, number>;
  findings: { rule: string; severity: string; message: string; file: string; line: number }[];
}

/**
 * enumguard/enumMap — client -> server request.
 * The webview asks for every enum type (optionally one folder) with ORM, migration and database labels.
 */
export interface EnumMapParams { folderUri?: string }
export interface EnumMapResult { types: EnumMapType[]; status: StatusParams }
export const EnumMapRequest = new RequestType<EnumMapParams, EnumMapResult, void>('enumguard/enumMap');

/**
 * enumguard/status — server -> client notification.
 * Sent after indexing, after every analysis and after every database (re)load; drives the status bar item.
 * `description` is safe to show ("postgresql://app@db:5432/app", "schema.sql (embedded)"): never a password.
 */
export interface StatusParams {
  connected: ConnectionState;
  description: string;
  errors: number;
  warnings: number;
  /** Set when connected is 'error': one safe line. */
  databaseError?: string;
}
export const StatusNotification = new NotificationType<StatusParams>('enumguard/status');

/**
 * enumguard/generateMigration — client -> server request.
 * Builds an Alembic revision that moves the database labels of one type (or every drifting type) to what the
 * ORM persists. The server only computes the text; the client writes the file and opens it.
 */
export interface GenerateMigrationParams { folderUri?: string; enumType?: string }
export interface GenerateMigrationResult {
  /** Absolute file system path of the file to create; absent when there is nothing to sync. */
  file?: string;
  content?: string;
  /** Why nothing was generated, or notes about steps PostgreSQL cannot do (dropping labels). */
  message: string;
}
export const GenerateMigrationRequest = new RequestType<GenerateMigrationParams, GenerateMigrationResult, void>('enumguard/generateMigration');

/** Commands the server handles through workspace/executeCommand. */
export const ServerCommands = {
  /** Arguments: [uri: string]. Asks the client to show a file (used after a code action created a migration). */
  openFile: 'enumguard.openFile',
} as const;

/** Commands the client registers (the server puts them in CodeLenses). */
export const ClientCommands = {
  showEnumMap: 'enumguard.showEnumMap',
} as const;
