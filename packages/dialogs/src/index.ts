// @superfluid/dialogs: the dialog model and its one validator, and the icon names a catalog item
// may use, for the backend and the frontend.
export * from './types.js';
export * from './validator.js';
export { compilePattern, matchesPattern, patternProblem } from './pattern.js';
export { parseYamlMapping } from './yaml-mapping.js';
export { assertYamlDepth, MAX_YAML_DEPTH, YamlLimitError } from './yaml-limits.js';
export { forbiddenVariable } from './ansible-variables.js';
export { dialogProblemPlace, plainDialogProblem, plainTemplatePath, plainTemplateProblem, type DialogProblemPlace } from './editor-paths.js';
export { CATALOG_ICON_NAMES, catalogIconProblem, isCatalogIconName, isIconUrl, type CatalogIconName } from './catalog-icons.js';
