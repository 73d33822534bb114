import type { FieldDefinition } from '../../src/filter/index.js';

/** A host's own field, with Microsoft Graph support, for the tests of host field lists. */
export const JOB_TITLE: FieldDefinition = {
  name: 'jobTitle',
  labelKey: 'x.jobTitle',
  graph: {
    property: 'jobTitle',
    eq: 'default',
    startsWith: 'default',
    endsWith: 'none',
    ne: 'advanced',
    presence: 'advanced',
  },
};
