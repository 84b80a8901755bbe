import { registerEnumType } from '@nestjs/graphql';
import { isUuid, validationFailed } from './app-error.js';

/** The order of a sorted list. */
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'ASC: oldest, smallest or first in the alphabet first; DESC: the reverse.' });

/** The most rows one page of a list may ask for. */
export const MAX_TAKE = 500;

/** A page of a list: VALIDATION_FAILED for a negative skip or a take outside 1..MAX_TAKE. */
export function checkPage(skip: number, take: number): void {
  if (!Number.isInteger(skip) || skip < 0) throw validationFailed(`skip must be 0 or more (got ${skip}).`, { skip: 'must be 0 or more' });
  if (!Number.isInteger(take) || take < 1 || take > MAX_TAKE)
    throw validationFailed(`take must be between 1 and ${MAX_TAKE} (got ${take}): ask for the next page with skip.`, {
      take: `must be between 1 and ${MAX_TAKE}`,
    });
}

/** A creation date range: VALIDATION_FAILED when it ends before it starts. */
export function checkDateRange(after: Date | null | undefined, before: Date | null | undefined): void {
  if (after && before && after.getTime() > before.getTime()) {
    throw validationFailed(`createdAfter (${after.toISOString()}) is later than createdBefore (${before.toISOString()}): nothing can match.`, {
      createdAfter: 'must not be later than createdBefore',
    });
  }
}

/** An id given in a filter: VALIDATION_FAILED unless a UUID (an id of nothing would silently match nothing). */
export function checkId(field: string, value: string | null | undefined): void {
  if (value !== null && value !== undefined && !isUuid(value)) {
    throw validationFailed(`${field} must be an id (a UUID such as 0b5c7d1e-8f0a-4c53-9d3e-2a6f1b7c8e90).`, { [field]: 'must be a UUID' });
  }
}
