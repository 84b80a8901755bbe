// Turning react-admin's list filters and sort into the API's filter and sort inputs: only known
// values and server-sortable fields go out, so a URL edited by hand cannot ask for anything else.
import type { SortPayload } from 'react-admin';

/** A filter value as a list of one, when it is one of `known` (a SelectInput gives one value). */
export function oneOf<T extends string>(value: unknown, known: Record<T, unknown>): T[] | undefined {
  const values = (Array.isArray(value) ? value : [value]).filter((v): v is T => typeof v === 'string' && Object.hasOwn(known, v));
  return values.length ? values : undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** From the start of the day `from` to the end of the day `to` (DateInput's yyyy-mm-dd, in the browser's time zone). */
export function dayRange(from: unknown, to: unknown): { createdAfter?: string; createdBefore?: string } {
  const day = (v: unknown, time: string) => (typeof v === 'string' && DAY.test(v) ? new Date(`${v}T${time}`).toISOString() : undefined);
  return { createdAfter: day(from, '00:00:00'), createdBefore: day(to, '23:59:59.999') };
}

/** react-admin's sort as the API's, when the server sorts on that field (the default order otherwise). */
export function sortOf<F extends string>(sort: SortPayload | undefined, fields: Record<F, true>): { field: F; direction: 'ASC' | 'DESC' } | undefined {
  if (!sort || !Object.hasOwn(fields, sort.field)) return undefined;
  return { field: sort.field as F, direction: sort.order === 'ASC' ? 'ASC' : 'DESC' };
}

/** A table column shown from tablet width up: phones keep the columns that identify a row. */
export const WIDE_ONLY = { display: { xs: 'none', md: 'table-cell' } } as const;
