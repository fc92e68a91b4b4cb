// Starts the real bundled language server (dist/server.js --stdio) and speaks LSP to it with vscode-jsonrpc:
// the client side of the protocol tests. Collects diagnostics, status and log messages; waits by polling events.
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { StatusParams } from '../../../server/src/protocol';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const serverBundle = path.join(repoRoot, 'dist', 'server.js');

export interface StartOptions {
  /** Answer to enumguard/databaseUrl (the editor's SecretStorage). */
  databaseUrl?: string;
  /** enumguard.* settings returned for workspace/configuration. */
  settings?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  /** Another server bundle (e.g. one unpacked from the .vsix); default dist/server.js. */
  serverPath?: string;
}

/** Copies a folder (examples/broken-auth or a fixture) to a fresh temporary workspace. */
export function copyWorkspace(source: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'enumguard-lsp-'));
  fs.cpSync(path.resolve(repoRoot, source), target, { recursive: true });
  return target;
}

export const fileUri = (fsPath: string): string => pathToFileURL(fsPath).href;

export class LspTestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly statuses: StatusParams[] = [];
  readonly logs: string[] = [];
  readonly stderr: string[] = [];
  readonly shownDocuments: string[] = [];
  /** Every raw message body the server wrote, for secret-leak checks. */
  readonly rawOutput: string[] = [];
  private listeners: (() => void)[] = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, TextDocument>();
  exited = false;

  private constructor(readonly root: string, readonly process: ChildProcess, readonly connection: MessageConnection) {}

  static async start(root: string, options: StartOptions = {}): Promise<LspTestClient> {
    const bundle = options.serverPath ?? serverBundle;
    if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run \`node esbuild.mjs\` first`);
    const child = spawn(process.execPath, [bundle, '--stdio'], {
      cwd: root,
      env: { ...process.env, ENUMGUARD_DATABASE_URL: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => client.rawOutput.push(chunk.toString('utf8')));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(root, child, connection);
    child.stderr!.on('data', (chunk: Buffer) => client.stderr.push(chunk.toString('utf8')));
    child.on('exit', () => { client.exited = true; client.notify(); });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.diagnostics.set(params.uri, params.diagnostics);
      client.notify();
    });
    connection.onNotification('enumguard/status', (params: StatusParams) => { client.statuses.push(params); client.notify(); });
    connection.onNotification('window/logMessage', (params: { message: string }) => { client.logs.push(params.message); client.notify(); });
    connection.onNotification('$/progress', () => undefined);
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ debounceMs: 30, ...options.settings })));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('window/showDocument', (params: { uri: string }) => { client.shownDocuments.push(params.uri); return { success: true }; });
    connection.onRequest('enumguard/databaseUrl', () => ({ url: options.databaseUrl }));
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: fileUri(root),
      workspaceFolders: [{ uri: fileUri(root), name: path.basename(root) }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
        window: { workDoneProgress: true, showDocument: { support: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true } },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  uri(relPath: string): string {
    return fileUri(path.join(this.root, relPath));
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** Resolves once `check` returns a value (re-evaluated after every message), or fails after `timeoutMs`. */
  waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 20000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const evaluate = (): boolean => {
        const value = check();
        if (value !== undefined && value !== false) {
          cleanup();
          resolve(value as T);
          return true;
        }
        if (this.exited) {
          cleanup();
          reject(new Error(`server exited while waiting for ${what}; stderr: ${this.stderr.join('')}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => { cleanup(); reject(new Error(`timed out waiting for ${what}`)); }, timeoutMs);
      const cleanup = (): void => { clearTimeout(timer); this.listeners = this.listeners.filter((l) => l !== listener); };
      const listener = (): void => { evaluate(); };
      if (!evaluate()) this.listeners.push(listener);
    });
  }

  waitForDiagnostics(relPath: string, what: string, predicate: (diagnostics: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]> {
    const uri = this.uri(relPath);
    return this.waitFor(`${what} in ${relPath}`, () => {
      const list = this.diagnostics.get(uri);
      return list && predicate(list) ? list : undefined;
    }, timeoutMs);
  }

  text(relPath: string): string {
    return this.texts.get(this.uri(relPath))?.getText() ?? fs.readFileSync(path.join(this.root, relPath), 'utf8');
  }

  open(relPath: string, languageId = relPath.endsWith('.sql') ? 'sql' : 'python'): void {
    const uri = this.uri(relPath);
    const text = fs.readFileSync(path.join(this.root, relPath), 'utf8');
    this.versions.set(uri, 1);
    this.texts.set(uri, TextDocument.create(uri, languageId, 1, text));
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends incremental edits to an open document (what VS Code does on every keystroke). */
  change(relPath: string, edits: TextEdit[]): void {
    const uri = this.uri(relPath);
    const document = this.texts.get(uri);
    if (!document) throw new Error(`${relPath} is not open`);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    // LSP applies contentChanges in order, each against the result of the previous one.
    let current = document;
    for (const edit of edits) current = TextDocument.update(current, [{ range: edit.range, text: edit.newText }], version);
    this.texts.set(uri, current);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: edits.map((edit) => ({ range: edit.range, text: edit.newText })),
    });
  }

  /** Applies a WorkspaceEdit the way an editor does: open documents get didChange, other files are written. */
  applyWorkspaceEdit(edit: WorkspaceEdit): string[] {
    const touched: string[] = [];
    const applyTo = (uri: string, edits: TextEdit[]): void => {
      const relPath = path.relative(this.root, new URL(uri).pathname);
      touched.push(relPath);
      if (this.texts.has(uri)) {
        // Edits in a WorkspaceEdit all refer to the original text: apply them as one batch, back to front.
        const document = this.texts.get(uri)!;
        const newText = TextDocument.applyEdits(document, edits);
        const end = document.positionAt(document.getText().length);
        this.change(relPath, [{ range: { start: { line: 0, character: 0 }, end }, newText }]);
      } else {
        const file = path.join(this.root, relPath);
        const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, TextDocument.applyEdits(TextDocument.create(uri, 'python', 0, before), edits));
      }
    };
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) applyTo(uri, edits);
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change) {
        if (change.kind === 'create') {
          const file = new URL(change.uri).pathname;
          fs.mkdirSync(path.dirname(file), { recursive: true });
          if (!fs.existsSync(file)) fs.writeFileSync(file, '');
        }
      } else {
        applyTo(change.textDocument.uri, change.edits.filter((e): e is TextEdit => 'range' in e));
      }
    }
    return touched;
  }

  /** Tells the server files changed on disk (what the editor's file watcher does). */
  filesChanged(relPaths: string[], type: 1 | 2 | 3 = 2): void {
    void this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: relPaths.map((relPath) => ({ uri: this.uri(relPath), type })) });
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        void this.connection.sendNotification('exit');
      } catch {
        // The server may already be gone.
      }
      await new Promise((r) => setTimeout(r, 100));
      if (!this.exited) this.process.kill();
    }
    this.connection.dispose();
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
