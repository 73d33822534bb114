// Kept apart from messages.ts: the section's list summarizes filters at first
// paint and needs only these nouns, not every editor message.
import { msg } from '@lit/localize';
import type { FieldDefinition } from '../../filter/index.js';

/**
 * The field as a noun inside a sentence ("whose department is …"): the host's definition's
 * `noun`, else its `label`, else a default field's translated noun, else the name.
 */
export function fieldNoun(name: string, fields?: readonly FieldDefinition[]): string {
  const own = fields?.find((f) => f?.name === name);
  if (own?.noun || own?.label) return own.noun || (own.label as string);
  switch (name) {
    case 'email':
      return msg('email', { id: 'filter-editor.noun.email' });
    case 'department':
      return msg('department', { id: 'filter-editor.noun.department' });
    case 'officeLocation':
      return msg('office location', { id: 'filter-editor.noun.officeLocation' });
    case 'location':
      return msg('location', { id: 'filter-editor.noun.location' });
    case 'phoneNumber':
      return msg('phone number', { id: 'filter-editor.noun.phoneNumber' });
    default:
      return name;
  }
}
