// What each resource folder's api.ts gives the data provider: react-admin's reads and writes for
// one resource, on the GraphQL documents of that folder. The data provider only routes to them.
import type { GetListParams, GetListResult, Identifier, RaRecord } from 'react-admin';

/** A record of the API: a plain object with a string id. */
export type Rec = RaRecord & { id: string };

export interface ResourceApi<R extends Rec = Rec> {
  getList: (params: GetListParams) => Promise<GetListResult<R>>;
  /** null when it does not exist (the data provider answers 404). */
  getOne: (id: Identifier) => Promise<R | null>;
  create?: (data: unknown) => Promise<R>;
  /** react-admin forms send the whole record back; previousData is the record as it was read. */
  update?: (id: Identifier, data: unknown, previousData: unknown) => Promise<R>;
  delete?: (id: Identifier) => Promise<void>;
}

export const pageOf = (params: GetListParams): { page: number; perPage: number; skip: number } => {
  const page = params.pagination?.page ?? 1;
  const perPage = params.pagination?.perPage ?? 25;
  return { page, perPage, skip: (page - 1) * perPage };
};

export const optionalText = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** Lists the API pages with skip/take use partial pagination: take perPage+1 to learn whether a
 * next page exists. On the last page the total is known; elsewhere only whether a next page exists. */
export async function partialPage<R extends Rec>(params: GetListParams, list: (skip: number, take: number) => Promise<R[]>): Promise<GetListResult<R>> {
  const { page, perPage, skip } = pageOf(params);
  const rows = await list(skip, perPage + 1);
  const hasNextPage = rows.length > perPage;
  const data = rows.slice(0, perPage);
  return {
    data,
    pageInfo: { hasNextPage, hasPreviousPage: page > 1 },
    ...(hasNextPage ? {} : { total: skip + data.length }),
  };
}

const matchesQuery = (record: Rec, q: unknown): boolean => {
  if (typeof q !== 'string' || q.trim() === '') return true;
  const needle = q.trim().toLowerCase();
  return Object.values(record).some((v) => typeof v === 'string' && v.toLowerCase().includes(needle));
};

const compareBy = (field: string, order: string) => (a: Rec, b: Rec) => {
  const x: unknown = a[field];
  const y: unknown = b[field];
  const sx = x === null || x === undefined ? '' : String(x);
  const sy = y === null || y === undefined ? '' : String(y);
  const result = sx.localeCompare(sy, undefined, { numeric: true });
  return order === 'DESC' ? -result : result;
};

/** Short lists the API answers whole are searched (`q`), sorted and paged here. */
export async function localPage<R extends Rec>(params: GetListParams, list: () => Promise<R[]>): Promise<GetListResult<R>> {
  const { perPage, skip } = pageOf(params);
  let rows = (await list()).filter((r) => matchesQuery(r, params.filter?.q));
  if (params.sort?.field && params.sort.field !== 'id') rows = [...rows].sort(compareBy(params.sort.field, params.sort.order));
  return { data: rows.slice(skip, skip + perPage), total: rows.length };
}
