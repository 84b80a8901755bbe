// The server's refusal of a form, as react-admin's form errors: the GraphQL error's
// extensions.fields under their fields (a URL webhooks may not call, a name taken, a tenant one may
// not follow), whatever the error code, and its message as the form's root error.
import { HttpError } from 'react-admin';
import type { ApiErrorBody } from '../api/graphql';

export type FormErrors = Record<string, string | { serverError: string }>;

/**
 * The field errors of a refused mutation, or undefined when it named no field (show its message
 * instead). The server words them as the end of a sentence ("is taken in this tenant"); `subjects`
 * gives each field its start ({ name: 'The name' }): "The name is taken in this tenant".
 */
export const fieldErrorsOf = (error: unknown, subjects: Record<string, string> = {}): FormErrors | undefined => {
  if (!(error instanceof HttpError)) return undefined;
  const body = error.body as ApiErrorBody | undefined;
  const fields = body?.graphqlErrors[0]?.extensions?.fields;
  if (!fields || Object.keys(fields).length === 0) return undefined;
  const errors: FormErrors = { root: { serverError: error.message } };
  for (const [field, text] of Object.entries(fields)) errors[field] = subjects[field] ? `${subjects[field]} ${text}` : text;
  return errors;
};

/**
 * A message under an input: the server words its problems as the end of a sentence ("is required",
 * "should be a number"); under the input they read with its label in front ("Playbook is required").
 */
export const withSubject = (label: string, message: string): string => (endsSentence(message) ? `${label} ${message}` : message);

/** Whether a message is the end of a sentence about an input ("is required"), not one of its own. */
export const endsSentence = (message: string): boolean => /^(is|are|should|needs|has|must|names|belongs)\b/.test(message);
