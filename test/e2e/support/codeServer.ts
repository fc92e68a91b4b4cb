// Starts a fresh, isolated code-server (the real VS Code server + web workbench) with one extension installed.
// All state (HOME, user data, extensions) lives in the run folder, so runs never see each other or ~/.config.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import type { BrowserTools } from './e2eTools';

export interface CodeServer {
  url: string;
  /** Environment with HOME/XDG pointed into the run folder; Chromium must use it too (crashpad writes ~/.config). */
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** `code-server --list-extensions --show-versions`, one `publisher.name@version` per line. */
  listExtensions(): string[];
  stop(): Promise<void>;
}

// Settings that keep the workbench quiet and deterministic: no trust prompt, welcome page, telemetry or updates.
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'files.autoSave': 'off',
};

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export async function startCodeServer(options: {
  tools: BrowserTools; runFolder: string; vsix: string; extraEnv?: NodeJS.ProcessEnv;
  /** User settings on top of the quiet defaults (e.g. the extension's own trace level). */
  settings?: Record<string, unknown>;
  /** code-server's --log level; 'trace' makes LogOutputChannels (LSP traces) reach their log files. */
  logLevel?: 'trace' | 'debug' | 'info';
}): Promise<CodeServer> {
  const { tools, runFolder, vsix } = options;
  const userData = path.join(runFolder, 'user-data');
  const extensions = path.join(runFolder, 'extensions');
  const home = path.join(runFolder, 'home');
  for (const dir of [path.join(userData, 'User'), extensions, home]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2));
  const env: NodeJS.ProcessEnv = {
    ...process.env, ...options.extraEnv,
    HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'),
  };
  const dirs = ['--user-data-dir', userData, '--extensions-dir', extensions];
  const codeServerCli = (args: string[]) =>
    execFileSync(tools.node24, [tools.codeServerEntry, ...dirs, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  // Install the packaged extension the way a user would.
  codeServerCli(['--install-extension', vsix]);

  const port = await freeLoopbackPort();
  const config = path.join(runFolder, 'code-server.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = path.join(runFolder, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(tools.node24, [tools.codeServerEntry, '--config', config, ...dirs,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened', '--log', options.logLevel ?? 'info'],
  { env, stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // detached: the pid is a process group holding code-server's extension hosts and language servers.
    try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* already gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await exited;
    clearTimeout(timer);
  };

  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() - started > 60_000) {
      await stop();
      throw new Error(`code-server did not answer /healthz within 60 s; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url, env, logFile, stop,
    listExtensions: () => codeServerCli(['--list-extensions', '--show-versions']).trim().split('\n'),
  };
}
