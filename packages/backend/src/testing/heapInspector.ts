/**
 * The live JavaScript heap of a Node process started with
 * `--inspect=127.0.0.1:<port>`, measured after a full garbage collection
 * through the inspector protocol: unlike RSS, it does not grow with garbage
 * the collector has not reached yet, so growth across cycles is a leak.
 */
export async function liveHeapBytes(inspectPort: number): Promise<number> {
  const targets = await (
    await fetch(`http://127.0.0.1:${inspectPort}/json/list`)
  ).json();
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('error', () =>
      reject(new Error(`no inspector on port ${inspectPort}`)),
    );
  });
  let nextId = 1;
  const call = (method: string) =>
    new Promise<any>((resolve, reject) => {
      const id = nextId++;
      const onMessage = (event: MessageEvent) => {
        const reply = JSON.parse(String(event.data));
        if (reply.id !== id) return;
        socket.removeEventListener('message', onMessage);
        if (reply.error) reject(new Error(reply.error.message));
        else resolve(reply.result);
      };
      socket.addEventListener('message', onMessage);
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    return usage.usedSize;
  } finally {
    socket.close();
  }
}
