import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireInstanceLock } from '../src/instance-lock.js';
import { ls, tempHome } from './helpers/temp-home.js';

describe('acquireInstanceLock', () => {
  it('refuses while another live process holds it', async () => {
    const path = join(await tempHome(), 'main.lock');
    await writeFile(path, `${process.ppid}\n`);
    await expect(acquireInstanceLock(path, 'main')).rejects.toMatchObject({ code: 'CONFLICT', details: { pid: process.ppid } });
  });

  it('refuses a second holder in the same process, and is free again after release', async () => {
    const home = await tempHome();
    const path = join(home, 'main.lock');
    const release = await acquireInstanceLock(path, 'main');
    await expect(acquireInstanceLock(path, 'main')).rejects.toMatchObject({ code: 'CONFLICT' });
    await release();
    expect(await ls(home)).toEqual([]);
    await (await acquireInstanceLock(path, 'main'))();
  });

  it('takes over an empty lock left by a crash, but only once it is no longer fresh', async () => {
    const path = join(await tempHome(), 'main.lock');
    await writeFile(path, '');
    const old = new Date(Date.now() - 5000);
    await utimes(path, old, old);
    const release = await acquireInstanceLock(path, 'main');
    await release();
  });
});
