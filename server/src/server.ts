// The EnumGuard language server: creates the connection and wires LSP messages to the per-folder sessions and
// the handlers. Nothing else lives here. Run as `node dist/server.js --stdio` (or --node-ipc from VS Code).
import {
  CodeActionKind, CodeLensRefreshRequest, createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  type InitializeResult, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { initEngine } from './core/engine';
import { codeActions } from './handlers/codeAction';
import { codeLenses } from './handlers/codeLens';
import { checkDatabase, testConnection } from './handlers/databaseRequests';
import { definition } from './handlers/definition';
import { DiagnosticsPublisher } from './handlers/diagnostics';
import { enumMapTypes } from './handlers/enumMap';
import { generateMigration } from './handlers/generateMigration';
import { hover } from './handlers/hover';
import { safeHandler } from './handlers/safeHandler';
import { currentStatus, sendStatus } from './handlers/status';
import { lineReader } from './lsp/documentLines';
import {
  CheckDatabaseRequest, DatabaseUrlRequest, EnumMapRequest, GenerateMigrationRequest, ServerCommands, TestConnectionRequest,
} from './protocol';
import { defaultEditorSettings, sanitizeSettings } from './session/editorSettings';
import { SessionRegistry } from './session/sessionRegistry';
import type { ProgressReporter, WorkspaceSession } from './session/workspaceSession';

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
const diagnostics = new DiagnosticsPublisher(connection);
const readLine = lineReader(documents);
const clientSupports = { codeLensRefresh: false, configuration: false, watchedFilesDynamic: false, workDoneProgress: false, workspaceFolders: false, showDocument: false };
let initialFolders: string[] = [];
/** How long to wait for the client to answer enumguard/databaseUrl before falling back to the environment. */
const databaseUrlTimeoutMs = 5000;

const sessions = new SessionRegistry({
  log: (message) => connection.console.log(message),
  async askDatabaseUrl(folderUri) {
    const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), databaseUrlTimeoutMs).unref());
    const answer = connection.sendRequest(DatabaseUrlRequest, { folderUri }).then((result) => result?.url, () => undefined);
    return Promise.race([answer, timeout]);
  },
  async settings(folderUri) {
    if (!clientSupports.configuration) return { ...defaultEditorSettings };
    try {
      return sanitizeSettings(await connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'enumguard' }));
    } catch {
      return { ...defaultEditorSettings };
    }
  },
  async beginProgress(title): Promise<ProgressReporter> {
    if (!clientSupports.workDoneProgress) return { report: () => undefined, done: () => undefined };
    const reporter = await connection.window.createWorkDoneProgress();
    reporter.begin(title, 0, undefined, false);
    let last = -1;
    return {
      report(percentage, message) {
        if (percentage === last) return;
        last = percentage;
        reporter.report(percentage, message);
      },
      done: () => reporter.done(),
    };
  },
  analyzed(session) {
    diagnostics.publish(session);
    sendStatus(connection, sessions, diagnostics);
    // Lenses count mismatches: ask the editor to fetch them again, or they stay stale until the next scroll.
    if (clientSupports.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  },
});

/** Open buffers belong to the session as soon as it exists: their text wins over the disk. */
function primeWithOpenDocuments(session: WorkspaceSession): void {
  for (const document of documents.all()) {
    const located = sessions.locate(document.uri);
    if (located?.session === session) session.documentChanged(located.relPath, document.getText());
  }
}

async function startFolder(folderUri: string): Promise<void> {
  await sessions.add(folderUri, primeWithOpenDocuments);
}

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  clientSupports.configuration = !!capabilities.workspace?.configuration;
  clientSupports.watchedFilesDynamic = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  clientSupports.workDoneProgress = !!capabilities.window?.workDoneProgress;
  clientSupports.workspaceFolders = !!capabilities.workspace?.workspaceFolders;
  clientSupports.showDocument = !!capabilities.window?.showDocument?.support;
  clientSupports.codeLensRefresh = !!capabilities.workspace?.codeLens?.refreshSupport;
  initialFolders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      hoverProvider: true,
      codeLensProvider: { resolveProvider: false },
      definitionProvider: true,
      executeCommandProvider: { commands: [ServerCommands.openFile] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'enumguard' },
  };
});

connection.onInitialized(async () => {
  try {
    if (clientSupports.watchedFilesDynamic) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: ['**/*.py', '**/*.sql', '**/alembic.ini', '**/enumguard.config.json'].map((globPattern) => ({ globPattern })),
      });
    }
    if (clientSupports.configuration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'enumguard' });
    if (clientSupports.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const folder of event.removed) {
          sessions.remove(folder.uri);
          diagnostics.clear(folder.uri);
        }
        for (const folder of event.added) void startFolder(folder.uri);
        sendStatus(connection, sessions, diagnostics);
      });
    }
    await initEngine();
  } catch (error) {
    connection.console.error(`EnumGuard could not start its parsers: ${(error as Error).stack ?? error}`);
    return;
  }
  // Folders start one after another: indexing is CPU-bound, and a failure in one leaves the others running.
  for (const folderUri of initialFolders) await startFolder(folderUri);
  sendStatus(connection, sessions, diagnostics);
});

documents.onDidChangeContent((event) => {
  try {
    const located = sessions.locate(event.document.uri);
    located?.session.documentChanged(located.relPath, event.document.getText());
  } catch (error) {
    connection.console.error(`didChange failed: ${(error as Error).stack ?? error}`);
  }
});
documents.onDidSave((event) => {
  try {
    const located = sessions.locate(event.document.uri);
    located?.session.documentSaved(located.relPath, event.document.getText());
  } catch (error) {
    connection.console.error(`didSave failed: ${(error as Error).stack ?? error}`);
  }
});
documents.onDidClose((event) => {
  try {
    const located = sessions.locate(event.document.uri);
    located?.session.documentClosed(located.relPath);
  } catch (error) {
    connection.console.error(`didClose failed: ${(error as Error).stack ?? error}`);
  }
});

connection.onDidChangeWatchedFiles((params) => {
  const restarts = new Set<string>();
  for (const change of params.changes) {
    try {
      const located = sessions.locate(change.uri);
      if (located && located.session.fileChangedOnDisk(located.relPath) === 'restart') restarts.add(located.session.folderUri);
    } catch (error) {
      connection.console.error(`didChangeWatchedFiles failed for one file: ${(error as Error).message}`);
    }
  }
  for (const folderUri of restarts) void startFolder(folderUri);
});

connection.onDidChangeConfiguration(() => {
  // include/exclude/schemas may have changed: rebuild every folder (cheap next to a wrong answer).
  for (const session of sessions.all()) void startFolder(session.folderUri);
});

connection.onCodeAction(safeHandler(connection, 'codeAction', [], (params) => codeActions(params, readLine)));

connection.onHover(safeHandler(connection, 'hover', null, (params) => {
  const located = sessions.locate(params.textDocument.uri);
  if (!located) return null;
  return hover(located.session.analysis, located.relPath, params.position, readLine(params.textDocument.uri, params.position.line));
}));

connection.onCodeLens(safeHandler(connection, 'codeLens', [], (params) => {
  const located = sessions.locate(params.textDocument.uri);
  return located ? codeLenses(located.session.analysis, located.relPath, located.session.folderUri) : [];
}));

connection.onDefinition(safeHandler(connection, 'definition', [], (params) => {
  const located = sessions.locate(params.textDocument.uri);
  if (!located) return [];
  return definition(located.session.analysis, located.session.root, located.relPath, params.position, readLine(params.textDocument.uri, params.position.line));
}));

connection.onExecuteCommand(safeHandler(connection, 'executeCommand', null, async (params) => {
  const uri = params.arguments?.[0];
  if (params.command === ServerCommands.openFile && typeof uri === 'string' && clientSupports.showDocument) {
    await connection.window.showDocument({ uri, takeFocus: true });
  }
  return null;
}));

const status = () => currentStatus(sessions, diagnostics);
connection.onRequest(TestConnectionRequest, safeHandler(connection, 'testConnection', { ok: false, message: 'The connection test failed unexpectedly.' }, (params) => testConnection(sessions, params)));
connection.onRequest(CheckDatabaseRequest, safeHandler(connection, 'checkDatabase', status(), (params) => checkDatabase(sessions, params?.folderUri, status)));
connection.onRequest(EnumMapRequest, safeHandler(connection, 'enumMap', { types: [], status: status() }, (params) => ({
  types: sessions.all().filter((s) => !params?.folderUri || s.folderUri === params.folderUri).flatMap(enumMapTypes),
  status: status(),
})));
connection.onRequest(GenerateMigrationRequest, safeHandler(connection, 'generateMigration', { message: 'Generating the migration failed; see the EnumGuard output.' }, (params) => {
  const candidates = sessions.all().filter((s) => !params?.folderUri || s.folderUri === params.folderUri);
  const session = params?.enumType ? candidates.find((s) => s.analysis?.types.some((t) => t.key === params.enumType)) ?? candidates[0] : candidates[0];
  return session ? generateMigration(session, params?.enumType) : { message: 'No workspace folder is open.' };
}));

connection.onShutdown(() => {
  for (const session of sessions.all()) session.dispose();
});

// A bug in one handler must not take the server (and every diagnostic) down with it.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${(reason as Error)?.stack ?? reason}`));

documents.listen(connection);
connection.listen();
