// Real-editor test: the packaged EnumGuard .vsix installed into a real VS Code (code-server 4.139 + Debian's
// headless Chromium via playwright-core), on a copy of examples/broken-auth, driven like a user would.
// Needs the tools from `bash scripts/install-e2e-tools.sh`; without them every check is skipped with that hint.
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { findBrowserTools, loadPlaywright } from './support/e2eTools';
import { copyExampleWorkspace, createRunFolder } from './support/runFolder';
import { packageExtension } from './support/packageExtension';
import { startCodeServer, type CodeServer } from './support/codeServer';
import { postgresUnavailableReason, startTestDatabase, type TestDatabase } from './support/testDatabase';
import {
  activeEditorLines, activeWebview, allFramesText, filterProblems, normalizeText, openFileFromExplorer, openWorkbench,
  pollUntil, readProblems, runPaletteCommand, showProblems, withFailureScreenshot, type ProblemEntry,
} from './support/workbench';

const MODEL_FILE = 'app/models.py';
const found = findBrowserTools();
const skipReason = 'skip' in found ? found.skip : undefined;
if (skipReason) console.log(`# SKIP vscode e2e: ${skipReason}`);

/** The finding the example is built around: Enum(UserRole) persists names, the type holds the values. */
function isRoleMismatch(problem: ProblemEntry): boolean {
  return problem.file === MODEL_FILE && problem.code === 'persist-mismatch'
    && /'ADMIN',\s*'USER'/.test(problem.message) && /'admin',\s*'user'/.test(problem.message);
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).isFile());
}

describe('EnumGuard in a real VS Code (code-server + Chromium)', { skip: skipReason }, () => {
  const timings: Record<string, number> = {};
  const runStarted = Date.now();
  let runFolder: string;
  let workspace: string;
  let codeServer: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let roleProblem: ProblemEntry | undefined;
  // Started by the connect check and kept until the end: the enum map reads the live database too.
  let database: TestDatabase | undefined;

  const timed = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const started = Date.now();
    try { return await work(); } finally { timings[name] = Date.now() - started; }
  };

  before(async () => {
    if (!('tools' in found)) return;
    const { tools } = found;
    runFolder = createRunFolder('vscode');
    workspace = copyExampleWorkspace(runFolder);
    const vsix = await timed('package_ms', () => packageExtension(runFolder));
    codeServer = await timed('code_server_start_ms', () => startCodeServer({
      tools, runFolder, vsix,
      // Verbose LSP traces log every message, the answer to enumguard/databaseUrl included, and the trace log
      // level lets them reach the log files: the leak check reads those files.
      settings: { 'enumguard.trace.server': 'verbose' }, logLevel: 'trace',
    }));
    const { chromium } = loadPlaywright(tools);
    browser = await timed('browser_launch_ms', () => chromium.launch({
      executablePath: tools.chromium, headless: true,
      // HOME points into the run folder: Chromium's crashpad would write ~/.config otherwise.
      env: codeServer!.env as Record<string, string>,
      // --no-sandbox: CI runs as root; --disable-dev-shm-usage: containers give /dev/shm only 64 MB.
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    }));
    page = await timed('workbench_ready_ms', () => openWorkbench(browser!, codeServer!.url, workspace));
  }, { timeout: 180_000 });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await codeServer?.stop();
    await database?.stop();
    timings.total_ms = Date.now() - runStarted;
    console.log(`# vscode e2e timings ${JSON.stringify(timings)}; run folder ${runFolder}`);
  });

  test('the packaged extension is installed in code-server', () => {
    const installed = codeServer!.listExtensions();
    assert.ok(installed.some((line) => /^enumguard\.enumguard@/.test(line)), `installed: ${installed.join(', ')}`);
  });

  test('the Problems panel shows persist-mismatch for app/models.py', { timeout: 90_000 }, async () => {
    await withFailureScreenshot(page, 'problems-panel', () => timed('diagnostic_visible_ms', async () => {
      await openFileFromExplorer(page, MODEL_FILE);
      await showProblems(page);
      await filterProblems(page, 'UserRole');
      const problems = await pollUntil(() => readProblems(page), (all) => all.some(isRoleMismatch), 60_000,
        `a persist-mismatch naming 'ADMIN', 'USER' and 'admin', 'user' on ${MODEL_FILE}`);
      roleProblem = problems.find(isRoleMismatch)!;
      assert.equal(roleProblem.source.toLowerCase(), 'enumguard');
      // The squiggle is drawn in the editor as well.
      await page.locator('.editor-group-container.active .squiggly-error').first().waitFor({ timeout: 10_000 });
    }));
  });

  test('Ctrl+. offers "Add values_callable…"; applying it fixes the line and clears its problem', { timeout: 60_000 }, async () => {
    assert.ok(roleProblem, 'needs the persist-mismatch problem from the previous check');
    await withFailureScreenshot(page, 'quick-fix', async () => {
      // Double-clicking the marker puts the cursor on its range in the editor, like a user would.
      const markerRow = page.locator('.markers-panel .monaco-list-row[aria-level="2"]', { hasText: /'ADMIN',\s*'USER'/ }).first();
      await markerRow.dblclick();
      await page.locator('.tabs-container .tab.active', { hasText: 'models.py' }).waitFor({ timeout: 10_000 });
      // The editor takes the keyboard focus from the Problems panel a moment after the double click.
      await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: 10_000 });
      await page.keyboard.press('Control+.');
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Add values_callable' }).first();
      await fix.waitFor({ timeout: 20_000 });
      const title = normalizeText(await fix.innerText());
      assert.match(title, /^Add values_callable=lambda x: \[e\.value for e in x\]/);
      await fix.click();
      await pollUntil(async () => normalizeText(await activeEditorLines(page).innerText()),
        (text) => text.includes('Enum(UserRole, values_callable=lambda x: [e.value for e in x])'), 15_000,
        'the values_callable edit in the editor');
      await pollUntil(() => readProblems(page),
        (all) => !all.some((p) => p.file === MODEL_FILE && p.line === roleProblem!.line && p.code === 'persist-mismatch'),
        30_000, `the persist-mismatch on ${MODEL_FILE}:${roleProblem!.line} to disappear`);
      // The CodeLens above the column counts mismatches: it must follow the fix, not keep the old count.
      await pollUntil(async () => normalizeText((await page.locator('.editor-group-container.active .codelens-decoration').allInnerTexts()).join(' | ')),
        (lenses) => /userrole · [^|]*· 0 mismatches/.test(lenses), 15_000, 'the userrole CodeLens to show 0 mismatches');
    });
  });

  test('Connect to Database… takes a password-masked URL, the status bar shows it live, the password never shows', { timeout: 90_000, skip: postgresUnavailableReason() }, async () => {
    database = await timed('postgres_start_ms', () => startTestDatabase(path.join(workspace, 'schema.sql')));
    await withFailureScreenshot(page, 'connect-database', async () => {
      await runPaletteCommand(page, 'EnumGuard: Connect to Database');
      const urlInput = page.locator('.quick-input-widget input[type="password"]');
      await urlInput.waitFor({ timeout: 15_000 });
      await urlInput.fill(database!.url);
      await page.keyboard.press('Enter');
      const statusItem = page.locator('.statusbar-item', { hasText: 'EnumGuard' }).first();
      await pollUntil(async () => normalizeText(await statusItem.innerText()), (text) => /EnumGuard: connected\b/.test(text), 30_000,
        'the EnumGuard status bar item to show a live connection');
      const pageText = await allFramesText(page);
      assert.ok(!pageText.includes(database!.password), 'the database password appears in the workbench page');
    });
  });

  test('Show Enum Map opens a webview listing userrole with its labels', { timeout: 60_000 }, async () => {
    await withFailureScreenshot(page, 'enum-map', async () => {
      await runPaletteCommand(page, 'EnumGuard: Show Enum Map');
      await page.locator('.tabs-container .tab', { hasText: 'Enum Map' }).waitFor({ timeout: 20_000 });
      // One <section id="type-…"> per enum type; its table has the ORM, migrations and database rows. With the
      // live database connected its row lists the labels; without PostgreSQL only the migrations row can.
      const truth = database ? 'database' : 'migrations';
      const section = activeWebview(page).locator('section#type-userrole');
      await pollUntil(async () => normalizeText(await section.innerText({ timeout: 20_000 })),
        (text) => /^userrole\b/.test(text) && new RegExp(`\\b${truth} admin user\\b`).test(text), 30_000,
        `the enum map's userrole section to list the ${truth} labels admin, user`);
      if (database) assert.ok(!(await allFramesText(page)).includes(database.password), 'the database password appears in the page or the enum map');
    });
  });

  test('the database password appears in no editor log, the verbose LSP trace included', { skip: postgresUnavailableReason(), timeout: 30_000 }, async () => {
    assert.ok(database, 'needs the database from the connect check');
    // Output channels (EnumGuard's log and LSP trace) and the extension host log are written under user-data/logs.
    const logsDir = path.join(runFolder, 'user-data/logs');
    // The trace must hold the connection test (whose request carried the URL), else there is nothing to check.
    await pollUntil(async () => listFiles(logsDir).filter((file) => /EnumGuard \(LSP trace\)/.test(file))
      .some((file) => fs.readFileSync(file, 'utf8').includes('enumguard/testConnection')), Boolean, 20_000,
    'the EnumGuard LSP trace log to record enumguard/testConnection');
    const logFiles = [codeServer!.logFile, ...listFiles(logsDir)];
    const leaking = logFiles.filter((file) => fs.readFileSync(file, 'utf8').includes(database!.password));
    assert.deepEqual(leaking.map((file) => path.relative(runFolder, file)), []);
  });
});
