// The dashboard's figures over GraphQL (the `dashboard` query): orders per day of the reader's
// calendar, success rate, run times and failures per catalog item, what waits and runs, and the
// providers' health per day — all counted by the server over what the caller may see.
import { graphqlRequest } from '../api/graphql';
import { graphql } from '../gql';
import type { DashboardQuery } from '../gql/graphql';

export type Dashboard = DashboardQuery['dashboard'];
export type DashboardItem = Dashboard['items'][number];

const DashboardDocument = graphql(`
  query Dashboard($days: Int, $timeZone: String) {
    dashboard(days: $days, timeZone: $timeZone) {
      days
      timeZone
      firstDay
      lastDay
      ordersPerDay {
        day
        total
        finished
        failed
        stopped
        open
      }
      orders
      finished
      failed
      successRate
      items {
        ...DashboardItemFields
      }
      failingItems {
        ...DashboardItemFields
      }
      pendingApprovals
      runningJobs
      runningRequests
      providerHealth {
        providerId
        name
        type
        status
        days {
          day
          checks
          up
        }
      }
    }
  }
`);

graphql(`
  fragment DashboardItemFields on DashboardItem {
    templateId
    template {
      name
    }
    total
    finished
    failed
    durationP50Seconds
    durationP95Seconds
  }
`);

/** The browser's time zone: the days of the figures are the reader's, as the list's date filters are. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const dashboardApi = {
  get: async (days: number): Promise<Dashboard> => (await graphqlRequest(DashboardDocument, { days, timeZone: browserTimeZone() })).dashboard,
};

/**
 * The address of the requests list with these filters, as react-admin keeps a list's state in the
 * URL (`filter` and `displayedFilters` as JSON): the list a figure counts.
 */
export function requestsListPath(filter: Record<string, string>): string {
  const displayed = Object.fromEntries(Object.keys(filter).map((k) => [k, true]));
  const params = new URLSearchParams({ filter: JSON.stringify(filter), displayedFilters: JSON.stringify(displayed) });
  return `/serviceRequests?${params.toString()}`;
}
