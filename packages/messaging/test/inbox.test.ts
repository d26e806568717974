import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArrivalStamp, deliveryKey, ensureQueueDirs, InboxWriter, queuePaths, readInbox } from '../src/index.js';
import { platformMessage } from './helpers/fake-adapter.js';
import { ls, readJson, tempHome } from './helpers/temp-home.js';

async function setup(instance = 'main') {
  const home = await tempHome();
  const paths = queuePaths(home, instance);
  await ensureQueueDirs(paths);
  return { home, paths, inbox: new InboxWriter(paths, 'fake') };
}

describe('InboxWriter', () => {
  it('writes a complete, normalized message under an arrival-ordered name and leaves no temporary file', async () => {
    const { paths, inbox } = await setup();
    const result = await inbox.write(platformMessage(1));
    expect(result.status).toBe('written');
    const files = await ls(paths.inbox);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{13}-\d{4}-main-[0-9a-f]{24}\.json$/);
    const written = await readJson(join(paths.inbox, files[0]!));
    expect(written.connector).toEqual({ type: 'fake', instance: 'main' });
    expect(written.id).toBe('m-1');
    expect(written.sender.display_name).toBe('User 1');
  });

  it('writes each id once, also after a restart and after the agent consumed the file', async () => {
    const { paths, inbox } = await setup();
    expect((await inbox.write(platformMessage(1))).status).toBe('written');
    expect((await inbox.write(platformMessage(1))).status).toBe('duplicate');
    const restarted = new InboxWriter(paths, 'fake');
    expect((await restarted.write(platformMessage(1, { content: { text: 'edited', attachments: [] } }))).status).toBe('duplicate');
    for (const file of await ls(paths.inbox)) await import('node:fs/promises').then((fs) => fs.unlink(join(paths.inbox, file)));
    expect((await restarted.write(platformMessage(1))).status).toBe('duplicate');
    expect(await ls(paths.inbox)).toEqual([]);
  });

  it('writes one file when the same id is written concurrently', async () => {
    const { paths, inbox } = await setup();
    const results = await Promise.all([inbox.write(platformMessage(7)), inbox.write(platformMessage(7)), inbox.write(platformMessage(7))]);
    expect(results.filter((r) => r.status === 'written')).toHaveLength(1);
    expect(await readdir(paths.inbox)).toHaveLength(1);
  });

  it('keeps ids of different instances apart', async () => {
    const home = await tempHome();
    const a = queuePaths(home, 'a');
    const b = queuePaths(home, 'b');
    await ensureQueueDirs(a);
    await ensureQueueDirs(b);
    expect((await new InboxWriter(a, 'fake').write(platformMessage(1))).status).toBe('written');
    expect((await new InboxWriter(b, 'fake').write(platformMessage(1))).status).toBe('written');
    expect(await readInbox(home)).toHaveLength(2);
  });

  it('reads back in arrival order, even within one millisecond and with the clock going backwards', async () => {
    const { home, paths } = await setup();
    const times = [5000, 5000, 5000, 4000, 6000];
    const inbox = new InboxWriter(paths, 'fake', new ArrivalStamp(() => times.shift() ?? 7000));
    for (const n of [9, 3, 7, 1, 5, 2]) await inbox.write(platformMessage(n));
    expect((await readInbox(home)).map((entry) => entry.message.id)).toEqual(['m-9', 'm-3', 'm-7', 'm-1', 'm-5', 'm-2']);
  });

  it('rejects an invalid adapter message without writing anything', async () => {
    const { paths, inbox } = await setup();
    await expect(inbox.write({ ...platformMessage(1), conversation: { id: 'c', type: 'room' as 'dm' } })).rejects.toThrow();
    expect(await ls(paths.inbox)).toEqual([]);
    expect(await ls(paths.delivered)).toEqual([]);
  });
});

describe('InboxWriter.recover (the crash windows of one write)', () => {
  const message = JSON.stringify(platformMessage(1));

  it('discards a temporary file written before the commit marker: the platform redelivers it', async () => {
    const { paths, inbox } = await setup();
    const key = deliveryKey('main', 'm-1');
    await writeFile(join(paths.inbox, `.1700000000000-0000-main-${key}.json.tmp`), message);
    expect(await inbox.recover()).toEqual({ committed: 0, discarded: 1 });
    expect(await ls(paths.inbox)).toEqual([]);
    expect((await inbox.write(platformMessage(1))).status).toBe('written');
  });

  it('completes a write whose marker exists: the message is delivered once, under its original name', async () => {
    const { paths, inbox } = await setup();
    const key = deliveryKey('main', 'm-1');
    await writeFile(join(paths.inbox, `.1700000000000-0000-main-${key}.json.tmp`), message);
    await writeFile(join(paths.delivered, key), '');
    expect(await inbox.recover()).toEqual({ committed: 1, discarded: 0 });
    expect(await ls(paths.inbox)).toEqual([`1700000000000-0000-main-${key}.json`]);
    expect((await inbox.write(platformMessage(1))).status).toBe('duplicate');
    expect(await ls(paths.inbox)).toHaveLength(1);
  });

  it("leaves other instances' temporary files alone", async () => {
    const { paths, inbox } = await setup();
    const theirs = `.1700000000000-0000-other-${deliveryKey('other', 'm-1')}.json.tmp`;
    await writeFile(join(paths.inbox, theirs), message);
    expect(await inbox.recover()).toEqual({ committed: 0, discarded: 0 });
    expect(await ls(paths.inbox)).toEqual([theirs]);
  });

  it('prunes delivered ids older than the retention only', async () => {
    const { paths, inbox } = await setup();
    await inbox.write(platformMessage(1));
    expect(await inbox.pruneDelivered(60_000)).toBe(0);
    expect(await inbox.pruneDelivered(60_000, Date.now() + 120_000)).toBe(1);
    expect(await ls(paths.delivered)).toEqual([]);
    expect(await readFile(join(paths.inbox, (await ls(paths.inbox))[0]!), 'utf8')).toContain('"m-1"');
  });
});
