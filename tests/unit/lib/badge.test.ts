import { describe, expect, it } from 'vitest';
import { badgeText } from '@/lib/badge';

describe('badgeText', () => {
  it('is empty when a page has no annotations', () => {
    expect(badgeText(0)).toBe('');
  });
  it('shows the count as text', () => {
    expect(badgeText(1)).toBe('1');
    expect(badgeText(42)).toBe('42');
  });
  it('treats nonsense as no annotations', () => {
    expect(badgeText(-3)).toBe('');
    expect(badgeText(Number.NaN)).toBe('');
    expect(badgeText(1.5)).toBe('');
  });
});
