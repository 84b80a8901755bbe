// The YAML limits live with the dialog model (packages/dialogs), whose parseYamlMapping checks
// them in the browser as well; the backend's callers import them from here or from the package.
export { assertYamlDepth, MAX_YAML_DEPTH, YamlLimitError } from '@superfluid/dialogs';
