// Drives the VS Code workbench in the browser the way a user does (Explorer, Problems panel, Ctrl+., palette),
// always by waiting for the DOM to show a state, never by sleeping.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { SHOTS_DIR } from './e2eTools';

/** Collapses the workbench's non-breaking spaces and line breaks so texts compare like source code. */
export function normalizeText(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

export async function openWorkbench(browser: Browser, url: string, workspace: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  return page;
}

/**
 * Runs `check`; on failure saves a screenshot named after the check into test/e2e/shots and rethrows. With
 * ENUMGUARD_E2E_SHOTS=all it also saves one after every passing check (to look at what a user sees).
 */
export async function withFailureScreenshot<T>(page: Page, name: string, check: () => Promise<T>): Promise<T> {
  try {
    const result = await check();
    if (process.env.ENUMGUARD_E2E_SHOTS === 'all') {
      fs.mkdirSync(SHOTS_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS_DIR, `${name.replace(/[^a-z0-9]+/gi, '-')}-ok.png`) }).catch(() => undefined);
    }
    return result;
  } catch (error) {
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    const file = path.join(SHOTS_DIR, `${name.replace(/[^a-z0-9]+/gi, '-')}-${Date.now()}.png`);
    await page.screenshot({ path: file }).catch(() => undefined);
    if (error instanceof Error) error.message += `\n(screenshot: ${file})`;
    throw error;
  }
}

/** The active editor's visible lines. */
export function activeEditorLines(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
}

/** Opens a workspace file through the Explorer tree (folder by folder), then waits for its tab to be active. */
export async function openFileFromExplorer(page: Page, relativePath: string): Promise<void> {
  const parts = relativePath.split('/');
  for (const [index, part] of parts.entries()) {
    // The Explorer labels each tree row with the bare file or folder name.
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${part}"]`).first();
    await row.waitFor({ timeout: 20_000 });
    const isFolder = index < parts.length - 1;
    if (isFolder) {
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    } else {
      await row.click();
    }
  }
  const fileName = parts[parts.length - 1];
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ timeout: 20_000 });
  await activeEditorLines(page).waitFor({ timeout: 20_000 });
}

/** Shows the Problems panel (View: Focus Problems) and returns its marker rows. */
export async function showProblems(page: Page): Promise<Locator> {
  await runPaletteCommand(page, 'View: Focus Problems');
  await page.locator('.markers-panel').waitFor({ timeout: 10_000 });
  return page.locator('.markers-panel .monaco-list-row');
}

/**
 * Types into the Problems panel's filter box, so the markers a check needs are rendered (the list is virtual:
 * rows scrolled out of view are not in the DOM).
 */
export async function filterProblems(page: Page, text: string): Promise<void> {
  const filter = page.getByPlaceholder(/^Filter \(e\.g\. text/).first();
  await filter.waitFor({ timeout: 10_000 });
  await filter.fill(text);
}

/** Opens the command palette, types a command title and runs the first matching entry. */
export async function runPaletteCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  if (!(await input.isVisible())) {
    await page.keyboard.press('F1');
  }
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  const entry = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await entry.waitFor({ timeout: 15_000 });
  await entry.click();
}

/** The text of every frame of the page (workbench and webviews), for secret-leak checks. */
export async function allFramesText(page: Page): Promise<string> {
  const texts = await Promise.all(page.frames().map((frame) =>
    frame.evaluate(() => `${document.body?.innerText ?? ''}\n${document.documentElement?.outerHTML ?? ''}`).catch(() => '')));
  return texts.join('\n');
}

/** The inner document of the webview whose tab is active (VS Code nests it: iframe.webview > #active-frame). */
export function activeWebview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready:visible').last().frameLocator('#active-frame');
}

/** Polls `read` until `accept` holds (or the timeout passes); returns the last value. No fixed sleeps. */
export async function pollUntil<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(last).slice(0, 600)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

export interface ProblemEntry {
  /** "app/models.py": the folder and file name the Problems panel shows for the marker's resource row. */
  file: string;
  message: string;
  source: string;
  code: string;
  /** 1-based, as shown ("[Ln 19, Col 5]"). */
  line: number;
  column: number;
}

/**
 * Reads the Problems panel's rendered rows into entries. Resource rows (aria-level 1) are labelled
 * "N problems in file models.py of folder app"; marker rows (level 2) below them read
 * "message / source / code / [Ln 19, Col 5]".
 */
export async function readProblems(page: Page): Promise<ProblemEntry[]> {
  const rows = await page.locator('.markers-panel .monaco-list-row').evaluateAll((elements) =>
    elements.map((element) => ({
      level: element.getAttribute('aria-level'),
      label: element.getAttribute('aria-label') ?? '',
      text: (element as HTMLElement).innerText,
    })));
  const entries: ProblemEntry[] = [];
  let currentFile = '';
  for (const row of rows) {
    if (row.level === '1') {
      const resource = /in file (.+?)(?: of folder (.+))?$/.exec(row.label);
      currentFile = resource ? (resource[2] ? `${resource[2]}/${resource[1]}` : resource[1]) : row.label;
      continue;
    }
    // Level 3 rows are a marker's related information ("enums.py[Ln 11, Col 7]: enum class UserRole").
    if (row.level !== '2') continue;
    const lines = row.text.split('\n').map(normalizeText).filter(Boolean);
    const position = /\[Ln (\d+), Col (\d+)\]/.exec(lines[lines.length - 1] ?? '');
    if (!position) continue;
    entries.push({
      file: currentFile,
      message: lines.slice(0, -3).join(' '),
      source: lines[lines.length - 3] ?? '',
      code: lines[lines.length - 2] ?? '',
      line: Number(position[1]),
      column: Number(position[2]),
    });
  }
  return entries;
}
