/**
 * A signals client as the browser's: a WebSocket to /api/signals carrying
 * the user's token as its subprotocol, subscribed to one channel. Node's own
 * WebSocket (the WHATWG one browsers have) is enough.
 */
export class SignalsClient {
  readonly messages: Array<{ channel: string; message: any }> = [];

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', event => {
      this.messages.push(JSON.parse(String(event.data)));
    });
  }

  /**
   * Connects and subscribes. The signals backend starts listening for
   * upgrades on the first one it sees, which it leaves unanswered (the
   * frontend reconnects too): tries again until a connection opens.
   */
  static async connect(
    baseUrl: string,
    token: string,
    channel: string,
    timeoutMs = 30_000,
  ): Promise<SignalsClient> {
    const url = `${baseUrl.replace(/^http/, 'ws')}/api/signals`;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const socket = new WebSocket(url, token);
      const opened = await new Promise<boolean>(resolve => {
        const timer = setTimeout(() => resolve(false), 2000);
        socket.addEventListener('open', () => {
          clearTimeout(timer);
          resolve(true);
        });
        socket.addEventListener('error', () => {
          clearTimeout(timer);
          resolve(false);
        });
      });
      if (opened) {
        socket.send(JSON.stringify({ action: 'subscribe', channel }));
        return new SignalsClient(socket);
      }
      socket.close();
    }
    throw new Error(`no signals connection to ${url} in ${timeoutMs} ms`);
  }

  /** The first message (since connecting) that `match` accepts; waits up to `timeoutMs`. */
  async next(
    match: (m: { channel: string; message: any }) => boolean,
    timeoutMs: number,
  ): Promise<{ channel: string; message: any }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `no matching signal in ${timeoutMs} ms (got ${JSON.stringify(
            this.messages,
          )})`,
        );
      }
      await new Promise(r => setTimeout(r, 20));
    }
  }

  close(): void {
    this.socket.close();
  }
}
