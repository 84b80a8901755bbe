// The one react-query client of the app. A refusal (401, 403, 404, a validation error) is an
// answer, not a hiccup: it is not retried, so an expired token reaches the login page at once
// (react-query's default would ask three more times, 7 s of back-off, before react-admin logs out).
// A network failure or a 5xx is still retried up to three times.
import { QueryClient } from '@tanstack/react-query';
import { HttpError } from 'react-admin';

const MAX_RETRIES = 3;

export const isRefusal = (error: unknown): boolean => error instanceof HttpError && error.status >= 400 && error.status < 500;

export const shouldRetry = (failureCount: number, error: unknown): boolean => !isRefusal(error) && failureCount < MAX_RETRIES;

export const queryClient = new QueryClient({ defaultOptions: { queries: { retry: shouldRetry } } });
