// The page MSAL 5's popup returns to. It hands the authorization response to
// the window that opened the popup (over a BroadcastChannel) and closes itself.
// Serve it from the host's origin, register its URL as an SPA redirect URI,
// without a Cross-Origin-Opener-Policy header and with Cache-Control: no-store.
//
// Importing this module runs the bridge (package entry `ucx-user-sync/redirect-bridge`).

import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

/** Runs MSAL's redirect bridge; never throws, never logs the URL. */
export async function runRedirectBridge(): Promise<boolean> {
  try {
    await broadcastResponseToMainFrame();
    return true;
  } catch {
    // No authorization response in the URL (opened by hand, or reloaded).
    // MSAL has already cleared the hash and query.
    if (typeof document !== 'undefined' && document.body) {
      document.body.textContent = 'This window is used for Microsoft sign-in. You can close it.';
    }
    return false;
  }
}

void runRedirectBridge();
