import { describe, expect, it } from 'vitest';
import { hostMatches, matchingPattern, parseHostPattern } from '@/lib/settings';

describe('host patterns', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  News.Example.COM ', 'news.example.com'],
    ['*.example.com', '*.example.com'],
    ['https://www.example.com/story?id=1#top', 'www.example.com'],
    ['http://user@example.com:8080/', 'example.com'],
    ['example.com.', 'example.com'],
    ['localhost', 'localhost'],
    ['192.168.0.10', '192.168.0.10'],
    ['bücher.de', 'xn--bcher-kva.de'],
  ])('accepts %j as %j', (input, pattern) => {
    expect(parseHostPattern(input)).toEqual({ ok: true, pattern });
  });

  it.each([
    ['', /Enter a site/],
    ['example.com/news', /has a path/],
    ['exa mple.com', /spaces/],
    ['ex*ample.com', /only stand at the start/],
    ['*.com', /whole top-level domain/],
    ['example..com', /empty part/],
    ['exam_ple.com', /"exam_ple" is not allowed/],
    ['-example.com', /not allowed/],
    ['ftp://example.com', /Only web sites/],
    ['example.com:8080', /port/],
    ['*.10.0.0.1', /IP address/],
    ['300.1.1.1', /not a valid IP/],
    [`${Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.')}.com`, /at most 253/],
  ])('refuses %j with a clear message', (input, message) => {
    const result = parseHostPattern(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('matches exact hosts exactly and wildcards with their subdomains', () => {
    expect(hostMatches('example.com', 'example.com')).toBe(true);
    expect(hostMatches('example.com', 'www.example.com')).toBe(false);
    expect(hostMatches('*.example.com', 'example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'a.b.example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'notexample.com')).toBe(false);
    expect(hostMatches('*.example.com', 'EXAMPLE.com.')).toBe(true);
    expect(matchingPattern(['a.org', '*.example.com'], 'news.example.com')).toBe('*.example.com');
    expect(matchingPattern(['a.org'], 'b.org')).toBeNull();
  });
});
