// The state of one workspace folder: its config, file index, database snapshot and latest analysis, plus the
// debounce that turns a burst of edits into one re-analysis. Knows nothing of LSP: the host passes callbacks.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, WorkspaceIndex } from '../core/engine';
import { ConfigError, configFileName, defaultConfig, type EnumGuardConfig, loadConfig } from '../core/config/config';
import { columnsOfInterest } from '../core/model/columnsOfInterest';
import type { Analysis } from '../core/model/analysis';
import type { DatabaseSnapshot, ParseProblem } from '../core/model/types';
import { loadDatabaseSnapshot } from '../db/snapshot';
import type { ConnectionState } from '../protocol';
import { redactSecrets } from '../db/redact';
import { resolveDatabaseSpec } from './databaseUrl';
import { type EditorSettings, mergeSettingsIntoConfig } from './editorSettings';

export interface ProgressReporter {
  report(percentage: number, message: string): void;
  done(): void;
}

/** What a session needs from the server around it. */
export interface SessionHost {
  log(message: string): void;
  askDatabaseUrl(folderUri: string): Promise<string | undefined>;
  settings(folderUri: string): Promise<EditorSettings>;
  beginProgress(title: string): Promise<ProgressReporter>;
  analyzed(session: WorkspaceSession): void;
}

export interface DatabaseStatus {
  state: ConnectionState;
  description: string;
  error?: string;
}

/** Files above this size are not read from disk on a watcher event (the engine reports them when indexing). */
const maxWatchedFileBytes = 20 * 1024 * 1024;

export class WorkspaceSession {
  config: EnumGuardConfig = defaultConfig();
  settings: EditorSettings | undefined;
  index: WorkspaceIndex | undefined;
  analysis: Analysis | undefined;
  database: DatabaseSnapshot | undefined;
  databaseStatus: DatabaseStatus = { state: 'none', description: 'no database' };
  /** Problems with the configuration itself, shown on enumguard.config.json. */
  configProblems: ParseProblem[] = [];
  readonly openFiles = new Set<string>();
  private readonly pending = new Map<string, string | null>();
  private timer: NodeJS.Timeout | undefined;
  private databaseGeneration = 0;
  /** The non-native enum columns the current snapshot was asked to describe (see refreshForNewColumns). */
  private snapshotColumnsKey = '';
  private disposed = false;

  constructor(readonly folderUri: string, readonly root: string, private readonly host: SessionHost) {}

  /** Reads config and settings, indexes every candidate file with progress, analyses, then loads the database. */
  async start(): Promise<void> {
    this.settings = await this.host.settings(this.folderUri);
    this.loadConfiguration();
    const index = new WorkspaceIndex(this.root, this.config);
    const progress = await this.host.beginProgress(`EnumGuard: indexing ${path.basename(this.root)}`);
    try {
      await index.indexAll((done, total) => progress.report(total > 0 ? Math.round((done / total) * 100) : 100, `${done}/${total} files`));
    } finally {
      progress.done();
    }
    if (this.disposed) return;
    this.index = index;
    // Edits that arrived while indexing are applied on top of what was read from disk.
    this.flush();
    await this.reloadDatabase();
  }

  private loadConfiguration(): void {
    this.configProblems = [];
    let loaded: { config: EnumGuardConfig; file?: string };
    try {
      loaded = loadConfig(this.root);
    } catch (error) {
      const message = error instanceof ConfigError ? error.message : `cannot read ${configFileName}`;
      this.configProblems.push({ file: configFileName, range: { line: 0, column: 0, endLine: 0, endColumn: 1 }, message: `${message}; using the defaults`, severity: 'error' });
      loaded = { config: defaultConfig() };
    }
    const merged = mergeSettingsIntoConfig(this.root, loaded.config, loaded.file, this.settings!);
    for (const warning of merged.warnings) this.host.log(warning);
    this.config = merged.config;
  }

  isCandidate(relPath: string): boolean {
    if (relPath === configFileName) return false;
    try {
      return this.index ? this.index.isCandidate(relPath) : /\.(py|sql)$|(^|\/)alembic\.ini$/.test(relPath);
    } catch {
      return false;
    }
  }

  /** An editor buffer changed. With checkOn 'save' the text waits for the save. */
  documentChanged(relPath: string, text: string): void {
    this.openFiles.add(relPath);
    if (!this.isCandidate(relPath)) return;
    this.pending.set(relPath, text);
    if (this.settings?.checkOn !== 'save') this.schedule();
  }

  documentSaved(relPath: string, text: string): void {
    if (!this.isCandidate(relPath)) return;
    this.pending.set(relPath, text);
    this.schedule();
  }

  /** Closing a buffer drops unsaved text: the file on disk is the truth again. */
  documentClosed(relPath: string): void {
    this.openFiles.delete(relPath);
    if (!this.isCandidate(relPath)) return;
    this.pending.set(relPath, this.readFromDisk(relPath));
    this.schedule();
  }

  /** A watcher event. Open buffers win over the disk; a config change rebuilds the whole session. */
  fileChangedOnDisk(relPath: string): 'restart' | 'updated' | 'ignored' {
    if (relPath === configFileName) return 'restart';
    if (this.openFiles.has(relPath) || !this.isCandidate(relPath)) return 'ignored';
    this.pending.set(relPath, this.readFromDisk(relPath));
    this.schedule();
    return 'updated';
  }

  private readFromDisk(relPath: string): string | null {
    try {
      const file = path.join(this.root, ...relPath.split('/'));
      const stat = fs.statSync(file);
      if (!stat.isFile() || stat.size > maxWatchedFileBytes) return null;
      return fs.readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.settings?.debounceMs ?? 150);
  }

  /** Applies every pending edit to the index, re-analyses and tells the host. Never throws. */
  flush(): void {
    if (!this.index || this.disposed) return;
    for (const [relPath, text] of this.pending) {
      try {
        if (text === null) this.index.remove(relPath);
        else this.index.update(relPath, text);
      } catch (error) {
        this.host.log(`[${path.basename(this.root)}] could not re-read ${relPath}: ${(error as Error).message}`);
      }
    }
    this.pending.clear();
    this.reanalyze();
    this.refreshForNewColumns();
  }

  /**
   * The catalog cannot tell which VARCHAR columns hold enums, so the snapshot describes the columns the models
   * name (native_enum=False). An edit that names a new one asks the database again, once per set of columns.
   */
  private refreshForNewColumns(): void {
    if (!this.database || !this.index) return;
    const key = columnsKey(columnsOfInterest(this.index.facts()));
    if (key === this.snapshotColumnsKey) return;
    this.snapshotColumnsKey = key;
    void this.reloadDatabase();
  }

  reanalyze(): void {
    if (!this.index || this.disposed) return;
    try {
      this.analysis = analyze({ facts: this.index.facts(), database: this.database, config: this.config });
    } catch (error) {
      this.host.log(`[${path.basename(this.root)}] analysis failed: ${(error as Error).stack ?? error}`);
      return;
    }
    this.host.analyzed(this);
  }

  /** Asks for the URL again and re-introspects; the latest call wins when several overlap. */
  async reloadDatabase(): Promise<DatabaseStatus> {
    const generation = ++this.databaseGeneration;
    const spec = await resolveDatabaseSpec(() => this.host.askDatabaseUrl(this.folderUri), this.config);
    let snapshot: DatabaseSnapshot | undefined;
    let status: DatabaseStatus;
    if (!spec) {
      status = { state: 'none', description: 'no database (migrations and models only)' };
    } else {
      try {
        const columns = this.index ? columnsOfInterest(this.index.facts()) : [];
        this.snapshotColumnsKey = columnsKey(columns);
        const loaded: DatabaseSnapshot = await loadDatabaseSnapshot(spec.spec, {
          root: this.root, schemas: this.config.schemas, columnsOfInterest: columns,
        });
        snapshot = loaded;
        status = { state: loaded.source, description: redactSecrets(loaded.description, [spec.spec]) };
      } catch (error) {
        // DatabaseError messages are one safe line already; anything else is redacted before it is shown.
        const message = redactSecrets((error as Error).message?.split('\n')[0] ?? 'unknown error', [spec.spec]);
        status = { state: 'error', description: `database from ${spec.origin}`, error: message };
      }
    }
    if (generation !== this.databaseGeneration || this.disposed) return status;
    this.database = snapshot;
    this.databaseStatus = status;
    if (status.error) this.host.log(`[${path.basename(this.root)}] database: ${status.error}`);
    this.reanalyze();
    return status;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
  }
}

function columnsKey(columns: ReturnType<typeof columnsOfInterest>): string {
  return columns.map((c) => `${c.schema ?? ''}.${c.table}.${c.column}`).sort().join(',');
}
