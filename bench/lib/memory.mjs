import { readFileSync } from 'node:fs';

/** Returns a process's resident set size in MB, read from VmRSS in /proc/<pid>/status (Linux only). */
export function residentMegabytes(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error(`/proc/${pid}/status has no VmRSS line.`);
  return Number(match[1]) / 1024;
}

/** Samples a process's RSS every `intervalMs` until stopped; `stop()` returns the largest sample in MB. */
export function sampleResidentMegabytes(pid, intervalMs = 50) {
  let peak = residentMegabytes(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, residentMegabytes(pid));
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, residentMegabytes(pid));
    },
  };
}
