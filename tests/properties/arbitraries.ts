// The property tests use the generators casus/testing exports: one source for users and for us.
export * from '../../src/testing/index.js';
