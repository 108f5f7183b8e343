import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireTool } from './requireTool';

describe('requireTool', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'require-tool-'));
    fs.writeFileSync(path.join(dir, 'fdp-tool'), '#!/bin/sh\n', {
      mode: 0o755,
    });
    fs.writeFileSync(path.join(dir, 'not-executable'), '', { mode: 0o644 });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('returns the path of an executable on PATH', () => {
    expect(
      requireTool('fdp-tool', 'n/a', { PATH: `/nonexistent:${dir}` }),
    ).toBe(path.join(dir, 'fdp-tool'));
  });

  it.each(['fdp-missing', 'not-executable'])(
    'throws in CI when the tool is %s',
    name => {
      expect(() =>
        requireTool(name, 'apt-get install it', { PATH: dir, CI: 'true' }),
      ).toThrow(
        `${name} is not on PATH: apt-get install it (CI=true: a required suite may not skip)`,
      );
    },
  );

  it('returns undefined outside CI so the caller may skip', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    expect(requireTool('fdp-missing', 'n/a', { PATH: dir })).toBeUndefined();
    expect(requireTool('fdp-missing', 'n/a', { PATH: dir, CI: 'false' })).toBe(
      undefined,
    );
    expect(warn).toHaveBeenCalledWith(
      'fdp-missing is not on PATH: n/a; skipping the tests that need it',
    );
    warn.mockRestore();
  });
});
