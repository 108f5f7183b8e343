import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WatchedFile } from './WatchedFile';

describe('WatchedFile', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watched-file-'));
  afterAll(() => fs.rmSync(dir, { recursive: true }));

  it('reads once while unchanged and again after a rewrite or a symlink swap', async () => {
    const target = path.join(dir, 'token');
    fs.writeFileSync(path.join(dir, 'v1'), 'first');
    fs.symlinkSync(path.join(dir, 'v1'), target);
    const file = new WatchedFile(target);
    const spy = jest.spyOn(fs.promises, 'readFile');
    expect((await file.read()).toString()).toBe('first');
    expect((await file.read()).toString()).toBe('first');
    expect(spy).toHaveBeenCalledTimes(1);

    // the kubelet's rotation: a new file, then the link swapped atomically
    fs.writeFileSync(path.join(dir, 'v2'), 'second');
    fs.symlinkSync(path.join(dir, 'v2'), `${target}.tmp`);
    fs.renameSync(`${target}.tmp`, target);
    expect((await file.read()).toString()).toBe('second');

    fs.writeFileSync(path.join(dir, 'v2'), 'third, longer');
    expect((await file.read()).toString()).toBe('third, longer');
    expect(spy).toHaveBeenCalledTimes(3);
    spy.mockRestore();
  });

  it('rejects while the file is missing', async () => {
    await expect(
      new WatchedFile(path.join(dir, 'missing')).read(),
    ).rejects.toThrow(/ENOENT/);
  });
});
