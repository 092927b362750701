import { describe, expect, it } from 'vitest';
import {
  MAX_LINE_BYTES,
  matchRobots,
  parseRobotsTxt,
  patternMatches,
  productToken,
  robotsPath,
} from './robots-rules.js';

const UA = 'Quillbot/3.4 (+https://quill.example/about)';
const allowed = (body: string, url: string, ua = UA): boolean =>
  matchRobots(parseRobotsTxt(body), ua, url).allowed;

describe('robots.txt user-agent groups', () => {
  it('matches a user-agent line with a space by its product token, up to the first space', () => {
    const body = 'User-agent: QUILLBOT PLUS EXTRAS\nDisallow: /drafts/\n\nUser-agent: *\nDisallow: /\n';
    expect(allowed(body, 'https://s.example/news/1')).toBe(true);
    expect(allowed(body, 'https://s.example/drafts/1')).toBe(false);
  });

  it('reads the product token of a user-agent value', () => {
    expect(productToken('Quillbot/3.4 (+https://q.example)')).toBe('quillbot');
    expect(productToken('Quill_Bot-x 2')).toBe('quill_bot-x');
    expect(productToken('/3.4')).toBe('');
  });

  it('merges the groups naming the agent and ignores the global group then', () => {
    const body = [
      'user-agent: quillbot',
      'disallow: /a/',
      'user-agent: *',
      'disallow: /b/',
      'user-agent: quillbot',
      'disallow: /c/',
    ].join('\n');
    expect(allowed(body, 'https://s.example/a/x')).toBe(false);
    expect(allowed(body, 'https://s.example/c/x')).toBe(false);
    expect(allowed(body, 'https://s.example/b/x')).toBe(true);
    expect(allowed(body, 'https://s.example/b/x', 'otherbot')).toBe(false);
  });

  it('treats consecutive user-agent lines as one group, and a rule ends the list', () => {
    const body = 'user-agent: alpha\nuser-agent: quillbot\ndisallow: /x\nuser-agent: beta\ndisallow: /y\n';
    expect(allowed(body, 'https://s.example/x')).toBe(false);
    expect(allowed(body, 'https://s.example/y')).toBe(true);
  });

  it('ignores rules before any user-agent line', () => {
    expect(allowed('disallow: /\nuser-agent: other\ndisallow: /', 'https://s.example/x')).toBe(true);
  });
});

describe('robots.txt line syntax', () => {
  it('accepts a line without a colon when it is exactly two words', () => {
    expect(allowed('user-agent quillbot\ndisallow /closed\n', 'https://s.example/closed/1')).toBe(false);
    expect(
      allowed('user-agent: quillbot\ndisallow /closed extra words\n', 'https://s.example/closed/1'),
    ).toBe(true);
  });

  it('accepts common misspellings of disallow and user-agent', () => {
    expect(allowed('useragent: quillbot\ndissallow: /p\n', 'https://s.example/p')).toBe(false);
  });

  it('drops comments and surrounding blanks', () => {
    expect(allowed('user-agent: quillbot # us\n  disallow:  /q  # private\n', 'https://s.example/q/1')).toBe(
      false,
    );
  });

  it('skips a whole or partial byte-order mark at the start without losing the first line', () => {
    for (const bom of ['\uFEFF', '\uFFFD', '\uFFFD\uFFFD', '\u00EF\u00BB\u00BF', '\u00EF\u00BB']) {
      expect(allowed(`${bom}user-agent: quillbot\ndisallow: /r\n`, 'https://s.example/r')).toBe(false);
    }
  });

  it('does not obey a line that starts with a byte-order mark in mid-file', () => {
    expect(allowed('user-agent: quillbot\n\uFEFFdisallow: /s\n', 'https://s.example/s')).toBe(true);
  });

  it('cuts an over-long line at the limit and reads what is left', () => {
    const head = 'disallow: ';
    const stem = `/long/${'z'.repeat(MAX_LINE_BYTES - head.length - '/long/'.length - 1)}`;
    const body = `user-agent: quillbot\n${head}${stem}/tail-is-beyond-the-limit\n`;
    expect(allowed(body, `https://s.example${stem}/other`)).toBe(false);
    expect(allowed(body, 'https://s.example/long/other')).toBe(true);
  });

  it('collects sitemap lines wherever they are', () => {
    const rules = parseRobotsTxt('sitemap: https://s.example/a.xml\nuser-agent: *\nsitemap: /b.xml\n');
    expect(rules.sitemaps).toEqual(['https://s.example/a.xml', '/b.xml']);
  });
});

describe('robots.txt rule matching', () => {
  it('lets the longest matching pattern decide, and allow win a tie', () => {
    const body = 'user-agent: *\ndisallow: /shop\nallow: /shop/open\nallow: /same\ndisallow: /same\n';
    expect(allowed(body, 'https://s.example/shop/closed')).toBe(false);
    expect(allowed(body, 'https://s.example/shop/open/1')).toBe(true);
    expect(allowed(body, 'https://s.example/same')).toBe(true);
  });

  it('reads * and a final $ as wildcards and an end anchor', () => {
    expect(patternMatches('/a/b.pdf', '/*.pdf$')).toBe(true);
    expect(patternMatches('/a/b.pdf?x=1', '/*.pdf$')).toBe(false);
    expect(patternMatches('/a$b', '/a$b')).toBe(true);
    expect(patternMatches('/fish', '/fish*')).toBe(true);
  });

  it('allows /dir/ when /dir/index.html is allowed', () => {
    const body = 'user-agent: quillbot\ndisallow: /\nallow: /desk/index.html\n';
    expect(allowed(body, 'https://s.example/desk/')).toBe(true);
    expect(allowed(body, 'https://s.example/desk/index.html')).toBe(true);
    expect(allowed(body, 'https://s.example/desk/other')).toBe(false);
  });

  it('matches non-ASCII patterns against the percent-encoded path', () => {
    expect(allowed('user-agent: *\ndisallow: /straße\n', 'https://s.example/stra%C3%9Fe/1')).toBe(false);
  });

  it('treats an empty disallow as allowing everything', () => {
    expect(allowed('user-agent: *\ndisallow:\n', 'https://s.example/anything')).toBe(true);
  });

  it('matches an empty URL as the root path instead of throwing', () => {
    expect(robotsPath('')).toBe('/');
    expect(allowed('user-agent: *\ndisallow: /\n', '')).toBe(false);
    expect(allowed('', '')).toBe(true);
  });

  it('names the deciding line and the crawl-delay of the applying group', () => {
    const body =
      'user-agent: *\ncrawl-delay: 9\n\nuser-agent: quillbot\ncrawl-delay: 1.5\nallow: /\ndisallow: /tmp\n';
    expect(matchRobots(parseRobotsTxt(body), UA, 'https://s.example/tmp/1')).toEqual({
      allowed: false,
      line: 7,
      crawlDelaySeconds: 1.5,
    });
  });
});
