import { describe, expect, it } from 'vitest';
import { shareIdFromPath, sharePath, shareUrl } from '../src/share/share-link.js';

describe('share links', () => {
  it('path gives the saved query id', () => {
    expect(shareIdFromPath('/q/PF1cJDtMyHzIEAU8G0pTJQ')).toBe('PF1cJDtMyHzIEAU8G0pTJQ');
    expect(shareIdFromPath('/q/abc_-9/')).toBe('abc_-9');
  });

  it('other paths give no id', () => {
    for (const path of ['/', '/q/', '/q', '/audit', '/q/a/b', '/q/a%20b', '/x/q/abc', `/q/${'a'.repeat(65)}`]) {
      expect(shareIdFromPath(path), path).toBeNull();
    }
  });

  it('link is the origin and the path', () => {
    expect(sharePath('abc')).toBe('/q/abc');
    expect(shareUrl('abc', 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/q/abc');
    expect(shareIdFromPath(new URL(shareUrl('a-b_c', 'http://h')).pathname)).toBe('a-b_c');
  });
});
