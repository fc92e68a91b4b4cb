// The language-server half of the benchmark: indexing time to all diagnostics, per-edit diagnostic latency on a
// model file, the refresh of dependants after an enums-module edit, and the server's memory.
//
// "All diagnostics published": the server reports indexing with window/workDoneProgress; after the progress
// `end`, we wait until no publishDiagnostics arrives for `quietMs` and take the time of the LAST publish (the quiet
// window itself is not counted). The number of files with diagnostics is checked against the CLI's report.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  filesWithDiagnostics, isProgress, startLanguageServer, stopLanguageServer, waitForEvent, waitForQuiet,
} from './lspClient.mjs';
import { summarizeProfile } from './cpuProfile.mjs';
import { readProcMemory } from './processStats.mjs';
import { round, summarize } from './stats.mjs';

const publishFor = (uri) => (event) => event.method === 'textDocument/publishDiagnostics' && event.params.uri === uri;
const isStatus = (event) => event.method === 'enumguard/status';
const memoryMb = (pid) => {
  const memory = readProcMemory(pid);
  return memory ? { rssMb: round(memory.rssKb / 1024), peakMb: round(memory.peakKb / 1024) } : undefined;
};

/** The first event at or after `since` that matches, looking at what already arrived before waiting. */
function eventSince(client, matches, since, timeoutMs) {
  const past = client.events.find((event) => event.t >= since && matches(event));
  return past ? Promise.resolve(past) : waitForEvent(client, matches, timeoutMs);
}

/** Waits for an indexing pass (progress end) and then for the diagnostics to settle; returns the timings. */
async function awaitIndexed(client, since, quietMs) {
  const end = await eventSince(client, isProgress('end'), since, 300_000);
  const analysed = await eventSince(client, isStatus, end?.t ?? since, 60_000);
  await waitForQuiet(client, quietMs, analysed?.t ?? end?.t ?? since, 120_000);
  const publishes = client.events.filter((e) => e.t >= since && e.method === 'textDocument/publishDiagnostics');
  return {
    progressEndMs: end ? end.t - since : undefined,
    firstStatusAfterEndMs: analysed ? analysed.t - since : undefined,
    lastPublishMs: publishes.length ? publishes[publishes.length - 1].t - since : undefined,
    publishCount: publishes.length,
  };
}

/** Toggles `values_callable=...` on one column: removing it must raise persist-mismatch, restoring it clears it. */
async function toggleEdits(client, document, target, count) {
  const latencies = [];
  let timeouts = 0;
  let wrong = 0;
  for (let i = 0; i < count; i += 1) {
    const removing = document.hasCallable;
    const start = { line: target.line0, character: target.character };
    const range = removing ? { start, end: { line: target.line0, character: target.character + target.text.length } } : { start, end: start };
    const published = waitForEvent(client, publishFor(document.uri), 5000);
    const sentAt = performance.now();
    document.version += 1;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: document.uri, version: document.version },
      contentChanges: [{ range, text: removing ? '' : target.text }],
    });
    const event = await published;
    document.hasCallable = !removing;
    if (!event) {
      timeouts += 1;
      continue;
    }
    latencies.push(event.t - sentAt);
    const flagged = event.params.diagnostics.some((d) => d.code === 'persist-mismatch' && d.range.start.line <= target.line0 && d.range.end.line >= target.line0);
    if (flagged !== removing) wrong += 1;
  }
  return { ...summarize(latencies), timeouts, unexpectedDiagnostics: wrong };
}

async function openDocument(client, root, file) {
  const uri = pathToFileURL(path.join(root, file)).href;
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const analysed = waitForEvent(client, isStatus, 3000);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
  await analysed; // opening re-analyses once; let that settle before timing edits
  return { uri, text, version: 1, hasCallable: true };
}

/**
 * Changes the first member value of an enum class in its enums module and waits until every model file with a
 * correct column of that class got fresh diagnostics; then reverts. Returns the times of both directions.
 */
async function enumModuleEdits(client, root, dependant, rounds) {
  const document = await openDocument(client, root, dependant.enumsFile);
  const lines = document.text.split('\n');
  const classLine = lines.findIndex((line) => line.startsWith(`class ${dependant.className}(`));
  const memberLine = lines.findIndex((line, i) => i > classLine && /^\s+[A-Z_]+ = "/.test(line));
  const closingQuote = lines[memberLine].lastIndexOf('"');
  const expected = new Set(dependant.cleanFiles.map((file) => pathToFileURL(path.join(root, file)).href));
  const suffix = '_renamed';
  const times = { change: [], revert: [] };
  let incomplete = 0;
  for (let r = 0; r < rounds * 2; r += 1) {
    const changing = r % 2 === 0;
    const start = { line: memberLine, character: closingQuote };
    const range = changing ? { start, end: start } : { start, end: { line: memberLine, character: closingQuote + suffix.length } };
    const seen = new Set();
    let lastAt = 0;
    let listener;
    let timer;
    const allRefreshed = new Promise((resolve) => {
      listener = (event) => {
        if (event.method !== 'textDocument/publishDiagnostics' || !expected.has(event.params.uri)) return;
        seen.add(event.params.uri);
        lastAt = event.t;
        if (seen.size === expected.size) resolve(true);
      };
      client.listeners.add(listener);
      timer = setTimeout(() => resolve(false), 15_000);
    });
    const sentAt = performance.now();
    document.version += 1;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: document.uri, version: document.version },
      contentChanges: [{ range, text: changing ? suffix : '' }],
    });
    const complete = await allRefreshed;
    client.listeners.delete(listener);
    clearTimeout(timer);
    if (!complete) incomplete += 1;
    if (lastAt > 0) times[changing ? 'change' : 'revert'].push(lastAt - sentAt);
    await waitForQuiet(client, 300, performance.now(), 5000); // let stray publishes finish before the next round
  }
  return {
    enumsFile: dependant.enumsFile, className: dependant.className, dependants: expected.size,
    change: summarize(times.change), revert: summarize(times.revert), incompleteRounds: incomplete,
  };
}

/** Picks a column whose type is healthy (no deliberate mistake in its file or type) to toggle. */
function pickToggleTarget(manifest) {
  const mistakeFiles = new Set(manifest.mistakes.map((m) => m.file));
  return manifest.toggleTargets.find((t) => !mistakeFiles.has(t.file) && !manifest.strayTypes.includes(t.enumType)) ?? manifest.toggleTargets[0];
}

/** The values-persisting enum class with the most dependants (its edits fan out widest). */
function pickEnumEdit(manifest) {
  return Object.values(manifest.dependants)
    .filter((d) => d.persists === 'values' && !manifest.strayTypes.includes(d.typeName) && d.className.endsWith('Status'))
    .sort((a, b) => b.cleanFiles.length - a.cleanFiles.length)[0];
}

export async function benchLanguageServer({ serverPath, root, manifest, expectedFilesWithDiagnostics, edits = 200, defaultDebounceEdits = 20, enumRounds = 3, quietMs = 1000 }) {
  // Empty settings: the server's defaults (debounce 150 ms) for the first pass, as a user gets them.
  const client = await startLanguageServer({ serverPath, root, settings: {} });
  const result = { quietWindowMs: quietMs };
  try {
    const indexing = await awaitIndexed(client, client.initializeSentAt, quietMs);
    result.startup = {
      initializeResponseMs: round(client.initializedAt - client.initializeSentAt),
      progressEndMs: round(indexing.progressEndMs),
      allDiagnosticsPublishedMs: round(indexing.lastPublishMs),
      publishCount: indexing.publishCount,
      filesWithDiagnostics: filesWithDiagnostics(client),
      expectedFilesWithDiagnostics,
    };
    result.memoryAfterIndexing = memoryMb(client.child.pid);

    const target = pickToggleTarget(manifest);
    const document = await openDocument(client, root, target.file);
    result.editTarget = { file: target.file, line: target.line0 + 1, edit: `remove/restore "${target.text.slice(2)}"` };
    result.editsDefaultDebounce = { debounceMs: 150, ...(await toggleEdits(client, document, target, defaultDebounceEdits)) };

    // The engine's own latency: debounce 0 through workspace/configuration. The server rebuilds the folder.
    client.settings = { debounceMs: 0 };
    const reconfiguredAt = performance.now();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const reindex = await awaitIndexed(client, reconfiguredAt, quietMs);
    result.reindexAfterConfigChangeMs = round(reindex.firstStatusAfterEndMs);
    result.edits = { debounceMs: 0, ...(await toggleEdits(client, document, target, edits)) };

    const dependant = pickEnumEdit(manifest);
    if (dependant) result.enumModuleEdit = await enumModuleEdits(client, root, dependant, enumRounds);
    result.memoryAfterEdits = memoryMb(client.child.pid);
    result.serverLogTail = client.logs.filter((line) => /error|fail|uncaught/i.test(line)).slice(-5);
  } finally {
    await stopLanguageServer(client);
  }
  return result;
}

/**
 * A second, profiled server run (node --cpu-prof): index, then `edits` toggles at debounce 0. Only samples inside
 * the session's debounced `flush` (re-extract the edited file, re-analyse, publish) are summarised: the edit path.
 */
export async function profileServerEdits({ serverPath, root, manifest, outDir, edits = 100, quietMs = 1000 }) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${outDir}`, '--cpu-prof-name=server.cpuprofile'];
  const client = await startLanguageServer({ serverPath, root, settings: { debounceMs: 0 }, nodeArgs });
  let latency;
  try {
    await awaitIndexed(client, client.initializeSentAt, quietMs);
    const target = pickToggleTarget(manifest);
    const document = await openDocument(client, root, target.file);
    latency = await toggleEdits(client, document, target, edits);
  } finally {
    await stopLanguageServer(client);
  }
  const file = path.join(outDir, 'server.cpuprofile');
  if (!fs.existsSync(file)) return { file: undefined, latencyWhileProfiling: latency, note: 'the server exited without writing its profile' };
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  return { file, latencyWhileProfiling: latency, editPath: summarizeProfile(profile, serverPath, { withinFunction: 'flush' }) };
}
