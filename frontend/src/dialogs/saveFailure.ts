// What the server said when a dialog change was refused (saveDialog, bindDialogField): its message,
// every problem by path (extensions.problems) and by field name (extensions.fields).
import { HttpError } from 'react-admin';
import type { ApiErrorBody } from '../api/graphql';

export interface SaveFailure {
  message: string;
  problems: string[];
  fields: Record<string, string>;
}

export const failureOf = (err: unknown): SaveFailure => {
  if (err instanceof HttpError) {
    const body = err.body as ApiErrorBody | undefined;
    const extensions = body?.graphqlErrors?.[0]?.extensions;
    const problems = Array.isArray(extensions?.problems) ? extensions.problems.map(String) : [];
    return { message: err.message, problems, fields: extensions?.fields ?? {} };
  }
  return { message: err instanceof Error ? err.message : String(err), problems: [], fields: {} };
};
