// A minimal LSP client for the benchmark: starts `dist/server.js --stdio`, answers the requests the server sends
// (configuration, progress, registration, enumguard/databaseUrl) and timestamps every notification it receives.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import rpc from 'vscode-jsonrpc/node';

/**
 * Starts the server over stdio. `settings` is what workspace/configuration answers for `enumguard` (mutable:
 * change it, then call notifyConfigurationChanged()). Never exposes a database URL: the benchmark has none.
 */
export async function startLanguageServer({ serverPath, root, settings, nodeArgs = [] }) {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ENUMGUARD_DATABASE_URL: '' } });
  const stderr = [];
  child.stderr.on('data', (chunk) => stderr.push(chunk.toString()));
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));

  const client = {
    child, connection, settings, spawnedAt, stderr,
    /** Every notification from the server: { t (performance.now()), method, params }. */
    events: [],
    /** document uri -> latest diagnostics array. */
    diagnostics: new Map(),
    lastPublishAt: 0,
    listeners: new Set(),
    logs: [],
  };

  const record = (method, params) => {
    const event = { t: performance.now(), method, params };
    client.events.push(event);
    if (method === 'textDocument/publishDiagnostics') {
      client.diagnostics.set(params.uri, params.diagnostics);
      client.lastPublishAt = event.t;
    }
    if (method === 'window/logMessage') client.logs.push(params.message);
    for (const listener of [...client.listeners]) listener(event);
  };
  connection.onNotification((method, params) => record(method, params));
  // vscode-jsonrpc routes $/progress to per-token handlers, never to the catch-all above.
  connection.onUnhandledProgress((params) => record('$/progress', params));
  connection.onRequest('workspace/configuration', (params) => params.items.map((item) => (item.section === 'enumguard' ? client.settings : null)));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  // No stored database URL: the check runs on models and migrations, like the CLI without --db.
  connection.onRequest('enumguard/databaseUrl', () => null);
  connection.onRequest((method) => {
    client.logs.push(`unexpected request ${method}`);
    return null;
  });
  connection.listen();

  const rootUri = pathToFileURL(root).href;
  client.rootUri = rootUri;
  client.initializeSentAt = performance.now();
  client.initializeResult = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: { synchronization: { didSave: true, dynamicRegistration: false }, publishDiagnostics: { relatedInformation: true } },
    },
  });
  client.initializedAt = performance.now();
  await connection.sendNotification('initialized', {});
  return client;
}

/** Resolves with the first notification (from now on) that `matches`, or undefined after `timeoutMs`. */
export function waitForEvent(client, matches, timeoutMs) {
  return new Promise((resolve) => {
    const listener = (event) => {
      if (!matches(event)) return;
      clearTimeout(timer);
      client.listeners.delete(listener);
      resolve(event);
    };
    const timer = setTimeout(() => {
      client.listeners.delete(listener);
      resolve(undefined);
    }, timeoutMs);
    client.listeners.add(listener);
  });
}

/** Resolves once no diagnostics were published for `quietMs` (counting from `since`), or after `timeoutMs`. */
export function waitForQuiet(client, quietMs, since, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      const now = performance.now();
      const quietFor = now - Math.max(client.lastPublishAt, since);
      if (quietFor >= quietMs || now > deadline) {
        clearInterval(poll);
        resolve(quietFor >= quietMs);
      }
    }, 20);
  });
}

/** A `$/progress` notification of the given kind ('begin' | 'end'). */
export const isProgress = (kind) => (event) => event.method === '$/progress' && event.params?.value?.kind === kind;

export function filesWithDiagnostics(client) {
  return [...client.diagnostics.values()].filter((list) => list.length > 0).length;
}

export async function stopLanguageServer(client) {
  const exited = new Promise((resolve) => client.child.once('exit', resolve));
  try {
    await Promise.race([client.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
    await client.connection.sendNotification('exit');
  } catch {
    // The server may already be gone; the kill below covers it.
  }
  const timer = setTimeout(() => client.child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
  client.connection.dispose();
}
