import { shareUrl } from './share-link.js';

export type CopyOutcome = { copied: true; url: string } | { copied: false; url: string };

/** Copies a saved query's share link; the browser may refuse (no permission, no secure context), so the link comes back either way. */
export async function copyShareLink(id: string): Promise<CopyOutcome> {
  const url = shareUrl(id);
  try {
    await navigator.clipboard.writeText(url);
    return { copied: true, url };
  } catch {
    return { copied: false, url };
  }
}
