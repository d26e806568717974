/**
 * Slack message timestamps (`"1512085950.000216"`): seconds and microseconds, unique per
 * channel, the message's id. Compared as two integers, never as floats.
 */
function parts(ts: string): [number, number] {
  const [seconds = '0', micros = '0'] = ts.split('.');
  return [Number(seconds), Number(micros.padEnd(6, '0').slice(0, 6))];
}

export function compareTs(a: string, b: string): number {
  const [as, au] = parts(a);
  const [bs, bu] = parts(b);
  return as - bs || au - bu;
}

export function tsToIso(ts: string): string {
  const [seconds, micros] = parts(ts);
  return new Date(seconds * 1000 + Math.floor(micros / 1000)).toISOString();
}

/** Now, as a Slack timestamp. */
export function nowTs(now = Date.now()): string {
  return `${Math.floor(now / 1000)}.${String((now % 1000) * 1000).padStart(6, '0')}`;
}
