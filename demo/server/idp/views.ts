// HTML pages of the local identity provider: sign-in, consent (Accept / Deny)
// and "Need admin approval". Every piece of text that comes from a request or
// a client registration is escaped before it is written into the page.

import type { IdpAccount } from './accounts.js';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Human descriptions of the permissions, as Entra's consent page shows them. */
const PERMISSION_TEXT: Record<string, string> = {
  openid: 'Sign you in',
  profile: 'View your basic profile',
  email: 'View your email address',
  offline_access: 'Maintain access to data you have given it access to',
  'https://graph.microsoft.com/.default': 'The permissions configured for this application',
  'https://graph.microsoft.com/User.Read.All': "Read all users' full profiles",
  'User.Read.All': "Read all users' full profiles",
  'https://graph.microsoft.com/User.Read': 'Sign in and read user profile',
  'User.Read': 'Sign in and read user profile',
};

export function describeScope(scope: string): string {
  return PERMISSION_TEXT[scope] ?? scope;
}

const STYLE = `
  body { font-family: "Segoe UI", system-ui, sans-serif; background: #f2f2f2; margin: 0; }
  main { background: #fff; max-width: 440px; margin: 48px auto; padding: 44px; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
  h1 { font-size: 24px; font-weight: 600; margin: 0 0 16px; }
  label { display: block; margin: 12px 0 4px; }
  input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: 6px; font-size: 15px; }
  .actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 24px; }
  button { font-size: 15px; padding: 6px 20px; min-width: 100px; }
  button.primary { background: #0067b8; color: #fff; border: 1px solid #0067b8; }
  .muted { color: #555; font-size: 13px; }
  ul.permissions li { margin: 6px 0; }
  .error { color: #a80000; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/** `base`: the provider's mount path (e.g. `/idp`), prefixed to the form actions. */
export function signInPage(opts: {
  uid: string;
  base?: string;
  appName: string;
  accounts: readonly IdpAccount[];
  error?: string;
}): string {
  const hints = opts.accounts
    .map((a) => `<li><code>${escapeHtml(a.username)}</code> (${escapeHtml(a.kind)})</li>`)
    .join('');
  return page(
    'Sign in to your account',
    `<h1>Sign in</h1>
<p>to continue to <strong>${escapeHtml(opts.appName)}</strong></p>
${opts.error ? `<p class="error" role="alert">${escapeHtml(opts.error)}</p>` : ''}
<form method="post" action="${escapeHtml(opts.base ?? '')}/interaction/${encodeURIComponent(opts.uid)}/login" autocomplete="off">
  <label for="username">Email, phone, or Skype</label>
  <input id="username" name="username" type="text" required autofocus>
  <label for="password">Password</label>
  <input id="password" name="password" type="password">
  <div class="actions"><button class="primary" type="submit" id="sign-in">Sign in</button></div>
</form>
<p class="muted">Local test identity provider. Any password is accepted. Accounts:</p>
<ul class="muted">${hints}</ul>`,
  );
}

/** The requested scopes as list items, in words, each with its scope as a tooltip. */
function permissionItems(scopes: string[]): string {
  return scopes
    .map((s) => `<li title="${escapeHtml(s)}">${escapeHtml(describeScope(s))}</li>`)
    .join('');
}

export function consentPage(opts: {
  uid: string;
  base?: string;
  appName: string;
  account: IdpAccount;
  scopes: string[];
}): string {
  const items = permissionItems(opts.scopes);
  const action = `${escapeHtml(opts.base ?? '')}/interaction/${encodeURIComponent(opts.uid)}`;
  return page(
    'Permissions requested',
    `<p class="muted">${escapeHtml(opts.account.username)}</p>
<h1>Permissions requested</h1>
<p><strong>${escapeHtml(opts.appName)}</strong> needs permission to:</p>
<ul class="permissions">${items}</ul>
<p class="muted">Accepting grants these permissions for all users in your organization (consent on behalf of your organization).</p>
<div class="actions">
  <form method="post" action="${action}/deny"><button type="submit" id="deny">Cancel</button></form>
  <form method="post" action="${action}/confirm"><button class="primary" type="submit" id="accept">Accept</button></form>
</div>`,
  );
}

export function adminApprovalPage(opts: {
  uid: string;
  base?: string;
  appName: string;
  account: IdpAccount;
  scopes: string[];
}): string {
  const items = permissionItems(opts.scopes);
  return page(
    'Need admin approval',
    `<p class="muted">${escapeHtml(opts.account.username)}</p>
<h1>Need admin approval</h1>
<p><strong>${escapeHtml(opts.appName)}</strong> needs permission to access resources in your organization that only an admin can grant:</p>
<ul class="permissions">${items}</ul>
<p>Please ask an admin to grant permission to this app before you can use it.</p>
<div class="actions">
  <form method="post" action="${escapeHtml(opts.base ?? '')}/interaction/${encodeURIComponent(opts.uid)}/return"><button class="primary" type="submit" id="return">Return to the application without granting consent</button></form>
</div>`,
  );
}

export function errorPage(title: string, detail: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p class="error">${escapeHtml(detail)}</p>`);
}
