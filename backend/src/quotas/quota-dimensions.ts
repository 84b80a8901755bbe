/** Dimensions every order counts in, whatever its item. */
export const BUILT_IN_DIMENSIONS = {
  services: 'Active services, and orders that will make one (waiting for approval, queued or running).',
  requests_per_day: 'Orders in the last 24 hours (denied and canceled ones excepted).',
} as const;

export const DIMENSION_NAME = /^[a-z][a-z0-9_]{0,40}$/;

export const isBuiltInDimension = (name: string): name is keyof typeof BUILT_IN_DIMENSIONS => name in BUILT_IN_DIMENSIONS;

/** What an order asks of a dimension: one service and one order of the day; its item's amount of the others. */
export const askedOf = (dimension: string, amounts: Record<string, number>): number => (isBuiltInDimension(dimension) ? 1 : (amounts[dimension] ?? 0));
