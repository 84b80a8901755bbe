// Which variable names orders and catalogs may set lives with the dialog model (packages/dialogs),
// so that the order form refuses them as the server does.
export { forbiddenVariable } from '@superfluid/dialogs';
