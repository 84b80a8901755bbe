// @superfluid/dialogs: the dialog model and its one validator, for the backend and the frontend.
export * from './types.js';
export * from './validator.js';
export { compilePattern, matchesPattern, patternProblem } from './pattern.js';
export { parseYamlMapping } from './yaml-mapping.js';
export { assertYamlDepth, MAX_YAML_DEPTH, YamlLimitError } from './yaml-limits.js';
export { forbiddenVariable } from './ansible-variables.js';
