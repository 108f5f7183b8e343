import fs from 'node:fs/promises';

/**
 * A file read again only when it changed (inode, size or mtime), so a caller
 * can ask before every request: a rotated CA or service-account token (the
 * kubelet swaps a symlink) is picked up without a restart, for one stat().
 */
export class WatchedFile {
  private cached?: { stamp: string; content: Buffer };

  constructor(readonly path: string) {}

  async read(): Promise<Buffer> {
    const s = await fs.stat(this.path, { bigint: true });
    const stamp = `${s.ino}:${s.size}:${s.mtimeNs}`;
    if (this.cached?.stamp !== stamp) {
      this.cached = { stamp, content: await fs.readFile(this.path) };
    }
    return this.cached.content;
  }
}
