import type { SignalApi } from '@backstage/plugin-signals-react';

/** A signal API on which a test publishes messages itself. */
export class FakeSignalApi implements SignalApi {
  private readonly subscribers = new Map<string, Set<(message: any) => void>>();

  subscribe(channel: string, onMessage: (message: any) => void) {
    const set = this.subscribers.get(channel) ?? new Set();
    set.add(onMessage);
    this.subscribers.set(channel, set);
    return {
      unsubscribe: () => {
        set.delete(onMessage);
      },
    };
  }

  publish(channel: string, message: object) {
    for (const listener of this.subscribers.get(channel) ?? []) {
      listener(message);
    }
  }

  subscriberCount(channel: string): number {
    return this.subscribers.get(channel)?.size ?? 0;
  }
}
