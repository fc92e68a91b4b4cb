// Runs a child process and measures its wall time and peak RSS, and reads /proc for a running process's memory.
// Peak RSS comes from GNU time (`/usr/bin/time -f %M`) when present, else from polling /proc/<pid>/status VmHWM.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const gnuTime = '/usr/bin/time';

/** Which peak-RSS method this machine allows: GNU time reports the child's ru_maxrss exactly. */
export const peakRssMethod = fs.existsSync(gnuTime) ? 'GNU time %M (ru_maxrss of the child)' : '/proc/<pid>/status VmHWM polled every 10 ms';
/** CPU time (user + system) is reported next to wall time: on a shared, loaded machine it is the steadier number. */
export const cpuTimeMethod = fs.existsSync(gnuTime) ? 'GNU time %U + %S' : 'unavailable (no /usr/bin/time)';

/** VmRSS / VmHWM of a live process in KB (undefined once it has exited or on a system without /proc). */
export function readProcMemory(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rssKb: field('VmRSS'), peakKb: field('VmHWM') };
  } catch {
    return undefined;
  }
}

/**
 * Runs `command args` to completion, capturing stdout (stderr kept for errors). Wall time is measured here,
 * from spawn to exit, so both tools compared pay the same process start-up.
 */
export function runMeasured(command, args, { cwd } = {}) {
  return new Promise((resolve, reject) => {
    const useGnuTime = fs.existsSync(gnuTime);
    const rssFile = path.join(os.tmpdir(), `enumguard-bench-rss-${process.pid}-${Date.now()}-${Math.random().toString(16).slice(2)}`);
    const [file, argv] = useGnuTime ? [gnuTime, ['-f', '%M %U %S', '-o', rssFile, command, ...args]] : [command, args];
    const started = performance.now();
    const child = spawn(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    let polledPeakKb = 0;
    const poller = useGnuTime ? undefined : setInterval(() => {
      const memory = readProcMemory(child.pid);
      if (memory?.peakKb) polledPeakKb = Math.max(polledPeakKb, memory.peakKb);
    }, 10);
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (poller) clearInterval(poller);
      let peakRssKb = polledPeakKb || undefined;
      let cpuMs;
      if (useGnuTime) {
        try {
          // GNU time writes "Command exited with non-zero status N" before the values when the child fails.
          const lines = fs.readFileSync(rssFile, 'utf8').trim().split('\n');
          const [maxRss, user, system] = lines[lines.length - 1].split(' ').map(Number);
          peakRssKb = maxRss;
          cpuMs = (user + system) * 1000;
          fs.rmSync(rssFile, { force: true });
        } catch {
          peakRssKb = undefined;
        }
      }
      resolve({ exitCode: code, wallMs, cpuMs, peakRssKb, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}
