/**
 * A unique id for one invocation: `ev_<ms since epoch, base36>_<pid, base36>_<64 random bits>`.
 * Math.random (V8 seeds it from OS entropy) keeps node:crypto, ~3.5 ms to load, off the
 * start-up path; time and pid already make ids unique across concurrent processes.
 */
export function newEvidenceId(now = Date.now()): string {
  const random = () => Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
  return `ev_${now.toString(36)}_${process.pid.toString(36)}_${random()}${random()}`;
}
