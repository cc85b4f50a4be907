/** Where an extension page lives, given the browser's way of naming the extension's files. */
type ExtensionUrl = (path: '/case.html') => string;

/** What a workspace shows: an order's case (with a reminder that was shown), or a new order. */
export type WorkspaceTarget = { order: string; reminder?: string } | 'new-order';

/**
 * The address of CaseClock's workspace: an order's case, or the form for a new order. A
 * reminder is named after the `#`: a workspace already open is told of it without reloading,
 * so nothing the buyer was typing there is lost.
 */
export function workspaceUrl(getURL: ExtensionUrl, target: WorkspaceTarget): string {
  const page = getURL('/case.html');
  if (target === 'new-order') return `${page}?new`;
  const order = `${page}?order=${encodeURIComponent(target.order)}`;
  return target.reminder === undefined
    ? order
    : `${order}#reminder=${encodeURIComponent(target.reminder)}`;
}

/** The reminder a workspace's address names (its `#` part), if any; untrusted as any input. */
export function reminderInAddress(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get('reminder') ?? undefined;
}

/** A workspace's address without its reminder: the page it is, whichever reminder it shows. */
export function workspacePageOf(url: string): string {
  return url.split('#', 1)[0] ?? url;
}
