export * from './api.js';
export * from './content.js';
export * from './errors.js';
export * from './notebook.js';
export * from './search.js';
export * from './preferences.js';
export * from './caseLabels.js';
