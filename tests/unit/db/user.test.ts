import { afterEach, describe, expect, it } from 'vitest';
import {
  dismissAnnotation,
  dismissedKeys,
  isSiteEnabled,
  setSiteEnabled,
  undismissAnnotation,
  type FactDb,
} from '@/lib/db';
import { freshDb } from './fixture';

let d: FactDb | undefined;
afterEach(async () => {
  await d?.delete();
});

describe('user data', () => {
  it('dismisses per page, ignoring the fragment, and can undo', async () => {
    d = freshDb('user');
    await dismissAnnotation(d, 'claim:a', 'https://news.example/story#comments', () => 5);
    await dismissAnnotation(d, 'claim:b', 'https://news.example/story');
    await dismissAnnotation(d, 'claim:a', 'https://other.example/story');
    expect((await dismissedKeys(d, 'https://news.example/story#top')).sort()).toEqual([
      'claim:a',
      'claim:b',
    ]);
    expect(await d.dismissed.where('site').equals('news.example').count()).toBe(2);
    await undismissAnnotation(d, 'claim:a', 'https://news.example/story');
    expect(await dismissedKeys(d, 'https://news.example/story')).toEqual(['claim:b']);
  });

  it('keeps sites on unless turned off, case-insensitively', async () => {
    d = freshDb('user');
    expect(await isSiteEnabled(d, 'news.example')).toBe(true);
    await setSiteEnabled(d, 'NEWS.example', false);
    expect(await isSiteEnabled(d, 'news.example')).toBe(false);
    await setSiteEnabled(d, 'news.example', true);
    expect(await isSiteEnabled(d, 'News.Example')).toBe(true);
    expect(await d.sites.count()).toBe(1);
  });
});
