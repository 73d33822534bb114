// The data sources the element knows. Adding a source is a new entry here:
// the create dialog lists every `creatable` one, the list shows the icon and label.
import { msg } from '@lit/localize';
import { svg, type SVGTemplateResult } from 'lit';
import type { IntegrationSource } from '../backend/types.js';

export interface SourceDefinition {
  id: IntegrationSource;
  /** Localized label (a function, so it follows the current locale). */
  label: () => string;
  /** Decorative 20×20 icon (the label is always shown beside it). */
  icon: SVGTemplateResult;
  /** Offered in the create dialog. */
  creatable: boolean;
}

const entraIcon = svg`<path d="M10 1.5 2 11.2l8 7.3 8-7.3z" fill="#0078d4"/><path d="M10 1.5v17l8-7.3z" fill="#50a0e6"/><path d="m6.2 12.6 3.8-3.5 3.8 3.5-3.8 2.3z" fill="#fff" opacity=".85"/>`;
const webexIcon = svg`<circle cx="10" cy="10" r="8.5" fill="#07c160" opacity=".2"/><path d="M3.5 7.5 6 14l2.3-5 1.7 4 1.7-4 2.3 5 2.5-6.5" fill="none" stroke="#0a7d45" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`;
const genericIcon = svg`<rect x="3" y="3" width="14" height="14" rx="3" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M7 10h6M10 7v6" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`;

export const SOURCES: readonly SourceDefinition[] = [
  {
    id: 'entra-id',
    label: () => msg('Microsoft Entra ID', { id: 'user-sync.source.entra-id' }),
    icon: entraIcon,
    creatable: true,
  },
  {
    id: 'webex',
    label: () => msg('Webex', { id: 'user-sync.source.webex' }),
    icon: webexIcon,
    creatable: false,
  },
];

export function sourceDefinition(id: IntegrationSource): SourceDefinition {
  return (
    SOURCES.find((s) => s.id === id) ?? {
      id,
      label: () => String(id),
      icon: genericIcon,
      creatable: false,
    }
  );
}

export function sourceIcon(def: SourceDefinition): SVGTemplateResult {
  return svg`<svg class="source-icon" part="source-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">${def.icon}</svg>`;
}
