import fs from 'node:fs';
import git from 'isomorphic-git';

/**
 * Makes `dir` a git repository with one commit of everything in it.
 * isomorphic-git (already the scaffolder's git) rather than the `git`
 * binary: nothing to install in the portal's image, no process to spawn.
 */
export async function commitDirectory(options: {
  dir: string;
  branch: string;
  message: string;
  author: { name: string; email: string };
}): Promise<string> {
  const { dir, branch, message, author } = options;
  await git.init({ fs, dir, defaultBranch: branch });
  const files = await git.statusMatrix({ fs, dir });
  for (const [filepath] of files) {
    await git.add({ fs, dir, filepath });
  }
  return git.commit({ fs, dir, message, author });
}
