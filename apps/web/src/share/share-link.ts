const SHARE_PATH = /^\/q\/([A-Za-z0-9_-]{1,64})\/?$/;

/** Returns the saved query id of a share link path such as `/q/<id>`, or null for any other path. */
export function shareIdFromPath(path: string): string | null {
  return SHARE_PATH.exec(path)?.[1] ?? null;
}

/** Returns the path of a saved query's share link. */
export function sharePath(id: string): string {
  return `/q/${encodeURIComponent(id)}`;
}

/** Returns the full share link, as pasted into a chat or an e-mail. */
export function shareUrl(id: string, origin: string = window.location.origin): string {
  return origin + sharePath(id);
}
