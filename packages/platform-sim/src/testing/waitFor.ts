/** Resolves once `cond()` holds (checked every 20 ms); fails after `timeoutMs`. */
export async function waitFor(
  cond: () => boolean,
  timeoutMs = 5000,
): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs)
      throw new Error('timed out waiting for condition');
    await new Promise(r => setTimeout(r, 20));
  }
}
