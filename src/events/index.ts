export * from './integration-created.js';
export * from './integration-updated.js';
export * from './integration-deleted.js';
export * from './consent-granted.js';
export * from './error.js';
export * from './before-create.js';
export * from '../components/filter-editor/filter-change-event.js';
