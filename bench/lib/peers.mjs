// The search peers: MiniSearch and FlexSearch, set up the same way everywhere.
export * from './peers-mini.mjs';
export * from './peers-flex.mjs';
