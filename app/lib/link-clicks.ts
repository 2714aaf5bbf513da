/** What a click says about how it was made. */
export interface ClickInfo {
  button: number;
  metaKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  defaultPrevented: boolean;
}

/**
 * Whether a click on a link should navigate inside the app, as React Router's <Link> decides:
 * a plain left click on a link that opens in this tab. A click with a modifier (new tab or
 * window, download), another button, a link with a target other than `_self` or a download
 * link is left to the browser.
 */
export function isPlainLinkClick(click: ClickInfo, link: { target: string | null; download: boolean }): boolean {
  if (click.defaultPrevented || click.button !== 0) return false;
  if (click.metaKey || click.altKey || click.ctrlKey || click.shiftKey) return false;
  if (link.download) return false;
  return !link.target || link.target === "_self";
}
