import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchLocation } from '@/lib/page/location-watch';

/** A window whose URL the test sets, with or without the Navigation API. */
function fakeWindow(withNavigation: boolean) {
  const location = { href: 'https://news.example/a' };
  const navigation = new EventTarget();
  const win = { location, ...(withNavigation ? { navigation } : {}) } as unknown as Window;
  return { win, location, navigation };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('watchLocation', () => {
  it('with the Navigation API: each change of URL once, after it happened', () => {
    const { win, location, navigation } = fakeWindow(true);
    const seen: string[] = [];
    watchLocation(win, () => seen.push(location.href), {
      signal: new AbortController().signal,
    });
    location.href = 'https://news.example/b';
    navigation.dispatchEvent(new Event('currententrychange'));
    navigation.dispatchEvent(new Event('currententrychange'));
    location.href = 'https://news.example/b#comments';
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(seen).toEqual(['https://news.example/b', 'https://news.example/b#comments']);
  });

  it('with the Navigation API: nothing once the signal aborts', () => {
    const { win, location, navigation } = fakeWindow(true);
    const controller = new AbortController();
    const onChange = vi.fn();
    watchLocation(win, onChange, { signal: controller.signal });
    controller.abort();
    location.href = 'https://news.example/b';
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('without it: the URL is looked at every pollMs, until the signal aborts', () => {
    vi.useFakeTimers();
    const { win, location } = fakeWindow(false);
    const controller = new AbortController();
    const onChange = vi.fn();
    watchLocation(win, onChange, { signal: controller.signal, pollMs: 1000 });
    vi.advanceTimersByTime(3000);
    expect(onChange).not.toHaveBeenCalled();
    location.href = 'https://news.example/b';
    vi.advanceTimersByTime(999);
    expect(onChange).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onChange).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(onChange).toHaveBeenCalledTimes(1);
    controller.abort();
    location.href = 'https://news.example/c';
    vi.advanceTimersByTime(5000);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does nothing for a signal that has already aborted', () => {
    vi.useFakeTimers();
    const { win } = fakeWindow(false);
    const controller = new AbortController();
    controller.abort();
    watchLocation(win, vi.fn(), { signal: controller.signal });
    expect(vi.getTimerCount()).toBe(0);
  });
});
