import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { safeLink } from './safe-link.js';

/**
 * "Contact {vendor}" beside a lock's reason (the section's notice, the create dialog's
 * footer), in a new tab; nothing where the support address is not a safe link.
 */
export function vendorContactLink(
  supportUrl: string,
  vendorName: string,
): TemplateResult | typeof nothing {
  const href = safeLink(supportUrl);
  if (!href) return nothing;
  return html`<a part="contact-link" href=${href} target="_blank" rel="noopener noreferrer"
    >${msg(str`Contact ${vendorName}`, { id: 'user-sync.lock.contact-vendor' })}</a
  >`;
}
