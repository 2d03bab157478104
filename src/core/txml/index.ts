export type { JsonSchema } from './describe-schema.js';
export { toTxml } from './to-txml.js';
export { fromTxml } from './from-txml.js';
export { TxmlError } from './txml-error.js';
export { singularize } from './singularize.js';
