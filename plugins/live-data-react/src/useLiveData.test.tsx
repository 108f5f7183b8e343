import { act, renderHook } from '@testing-library/react';
import { TestApiProvider } from '@backstage/frontend-test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { PropsWithChildren } from 'react';
import { FakeSignalApi } from './FakeSignalApi';
import {
  FALLBACK_REFRESH_MS,
  SIGNAL_DEBOUNCE_MS,
  useLiveData,
} from './useLiveData';

const CHANNEL = 'cluster-health';
type Signal = { type: string; cluster: string };
const signal = (cluster = 'prod-eu'): Signal => ({
  type: 'snapshot-changed',
  cluster,
});

describe('useLiveData', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setup(
    load: () => Promise<number>,
    options?: { signalFilter?: (s: Signal) => boolean },
  ) {
    const signals = new FakeSignalApi();
    const wrapper = ({ children }: PropsWithChildren<{}>) => (
      <TestApiProvider apis={[[signalApiRef, signals]]}>
        {children}
      </TestApiProvider>
    );
    const hook = renderHook(
      () => useLiveData<number, Signal>(CHANNEL, load, [], options),
      { wrapper },
    );
    return { signals, hook };
  }

  const flush = () => act(async () => {});
  const advance = (ms: number) =>
    act(async () => {
      jest.advanceTimersByTime(ms);
    });

  it('refetches once, a second after a burst of signals', async () => {
    let n = 0;
    const load = jest.fn(async () => ++n);
    const { signals, hook } = setup(load);
    await flush();
    expect(hook.result.current.value).toBe(1);
    expect(signals.subscriberCount(CHANNEL)).toBe(1);

    act(() => signals.publish(CHANNEL, signal()));
    await advance(SIGNAL_DEBOUNCE_MS / 2);
    act(() => signals.publish(CHANNEL, signal('dr-us')));
    await advance(SIGNAL_DEBOUNCE_MS / 2);
    act(() => signals.publish(CHANNEL, signal()));
    await advance(SIGNAL_DEBOUNCE_MS - 1);
    expect(load).toHaveBeenCalledTimes(1);

    await advance(1);
    await flush();
    expect(load).toHaveBeenCalledTimes(2);
    expect(hook.result.current.value).toBe(2);
  });

  it('ignores signals the filter rejects', async () => {
    const load = jest.fn(async () => 1);
    const { signals } = setup(load, {
      signalFilter: s => s.cluster === 'prod-eu',
    });
    await flush();
    act(() => signals.publish(CHANNEL, signal('dr-us')));
    await advance(SIGNAL_DEBOUNCE_MS * 2);
    expect(load).toHaveBeenCalledTimes(1);

    act(() => signals.publish(CHANNEL, signal('prod-eu')));
    await advance(SIGNAL_DEBOUNCE_MS);
    await flush();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('refreshes every 30 s as a fallback, not faster', async () => {
    const load = jest.fn(async () => 1);
    setup(load);
    await flush();
    await advance(FALLBACK_REFRESH_MS - 1);
    expect(load).toHaveBeenCalledTimes(1);
    await advance(1);
    await flush();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps the last data when a refresh fails', async () => {
    const load = jest
      .fn<Promise<number>, []>()
      .mockResolvedValueOnce(7)
      .mockRejectedValueOnce(new Error('flaky'));
    const { signals, hook } = setup(load);
    await flush();
    expect(hook.result.current.value).toBe(7);

    act(() => signals.publish(CHANNEL, signal()));
    await advance(SIGNAL_DEBOUNCE_MS);
    await flush();
    expect(load).toHaveBeenCalledTimes(2);
    expect(hook.result.current.error?.message).toBe('flaky');
    expect(hook.result.current.value).toBe(7);
    expect(hook.result.current.loading).toBe(false);
  });

  it('never shows data loaded for other dependencies', async () => {
    const signals = new FakeSignalApi();
    const wrapper = ({ children }: PropsWithChildren<{}>) => (
      <TestApiProvider apis={[[signalApiRef, signals]]}>
        {children}
      </TestApiProvider>
    );
    let release: (v: string) => void = () => {};
    const hook = renderHook(
      ({ id }: { id: string }) =>
        useLiveData(
          CHANNEL,
          () =>
            id === 'a'
              ? Promise.resolve('data of a')
              : new Promise<string>(r => (release = r)),
          [id],
        ),
      { wrapper, initialProps: { id: 'a' } },
    );
    await flush();
    expect(hook.result.current.value).toBe('data of a');
    hook.rerender({ id: 'b' });
    await flush();
    expect(hook.result.current.value).toBeUndefined();
    expect(hook.result.current.loading).toBe(true);
    act(() => release('data of b'));
    await flush();
    expect(hook.result.current.value).toBe('data of b');
  });

  describe('in a hidden tab', () => {
    let hidden = false;
    beforeAll(() => {
      Object.defineProperty(document, 'hidden', {
        configurable: true,
        get: () => hidden,
      });
    });
    afterAll(() => {
      delete (document as { hidden?: boolean }).hidden;
    });
    afterEach(() => {
      hidden = false;
    });
    const setHidden = (value: boolean) =>
      act(() => {
        hidden = value;
        document.dispatchEvent(new Event('visibilitychange'));
      });

    it('stops polling while hidden and refreshes once when visible', async () => {
      const load = jest.fn(async () => 1);
      setup(load);
      await flush();
      expect(load).toHaveBeenCalledTimes(1);

      setHidden(true);
      await advance(FALLBACK_REFRESH_MS * 5);
      await flush();
      expect(load).toHaveBeenCalledTimes(1);

      setHidden(false);
      await flush();
      expect(load).toHaveBeenCalledTimes(2);
      // The poll starts over from the moment the tab shows again.
      await advance(FALLBACK_REFRESH_MS - 1);
      expect(load).toHaveBeenCalledTimes(2);
      await advance(1);
      await flush();
      expect(load).toHaveBeenCalledTimes(3);
    });

    it('ignores signals while hidden, then refreshes exactly once', async () => {
      const load = jest.fn(async () => 1);
      const { signals } = setup(load);
      await flush();

      setHidden(true);
      act(() => signals.publish(CHANNEL, signal()));
      await advance(SIGNAL_DEBOUNCE_MS * 3);
      act(() => signals.publish(CHANNEL, signal('dr-us')));
      await advance(SIGNAL_DEBOUNCE_MS * 3);
      await flush();
      expect(load).toHaveBeenCalledTimes(1);

      setHidden(false);
      await flush();
      await advance(SIGNAL_DEBOUNCE_MS * 3);
      await flush();
      expect(load).toHaveBeenCalledTimes(2);
    });

    it('drops a signal refetch pending when the tab is hidden', async () => {
      const load = jest.fn(async () => 1);
      const { signals } = setup(load);
      await flush();
      act(() => signals.publish(CHANNEL, signal()));
      await advance(SIGNAL_DEBOUNCE_MS / 2);
      setHidden(true);
      await advance(SIGNAL_DEBOUNCE_MS * 2);
      await flush();
      expect(load).toHaveBeenCalledTimes(1);
    });

    it('does not refresh on a visibilitychange that leaves it visible', async () => {
      const load = jest.fn(async () => 1);
      setup(load);
      await flush();
      setHidden(false);
      await flush();
      expect(load).toHaveBeenCalledTimes(1);
    });
  });
});
