import { describe, expect, it } from '@jest/globals';
import { renderHtml } from '../../src/report/html/index.js';
import { hostileReport } from './hostile.js';

describe('--format html', () => {
  it('escapes every string from outside: no markup, script or attribute survives live', () => {
    const html = renderHtml(hostileReport());
    // Exactly one script element (ours) and none of the payloads' elements or handlers.
    expect(html.match(/<script\b/gi)).toHaveLength(1);
    expect(html).not.toMatch(/<img\b|<iframe\b|<svg onload/i);
    // Handlers may appear as text, never inside a tag: every quote in outside text is an entity.
    expect(html).not.toMatch(/<[a-z][^<>]*\son(?:error|load)="window/i);
    expect(html).not.toContain('\u001b');
    expect(html).toContain('&lt;script&gt;window.__pwned');
  });

  it('is self-contained behind a Content-Security-Policy that allows nothing but its own style and script', () => {
    const html = renderHtml(hostileReport());
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).not.toMatch(/\b(?:src|href)=["']?(?:https?:|\/\/)/i);
    expect(html).not.toMatch(/<link\b|@import|url\(/i);
  });

  it('draws the reach with production marked and the destroyable edge apart', () => {
    const html = renderHtml(hostileReport());
    expect(html).toMatch(/<g class="node prod destroyable"/);
    expect(html).toContain('class="edge destroy"');
  });
});
