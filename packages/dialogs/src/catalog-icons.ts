// The icons a catalog item may name: Material icon names (snake_case, as the Material Symbols
// catalogue writes them) that the web UI draws. The frontend maps each to its component (a fixed
// set, so the bundle holds only these) and its icon picker offers exactly these; the server refuses
// any other name, so that no item falls back to a generic icon without anyone being told.
// Adding a name here makes the frontend's type check ask for its component.

export const CATALOG_ICON_NAMES = [
  'account_tree',
  'alt_route',
  'analytics',
  'api',
  'apps',
  'backup',
  'bolt',
  'build',
  'cable',
  'category',
  'cell_tower',
  'cloud',
  'cloud_queue',
  'cloud_upload',
  'code',
  'computer',
  'dashboard',
  'dataset',
  'description',
  'developer_board',
  'dns',
  'extension',
  'folder',
  'http',
  'hub',
  'inventory',
  'inventory_2',
  'lan',
  'language',
  'layers',
  'lock',
  'memory',
  'monitor_heart',
  'play_circle',
  'public',
  'rocket_launch',
  'router',
  'schema',
  'science',
  'security',
  'settings',
  'settings_ethernet',
  'shield',
  'storage',
  'sync',
  'terminal',
  'vpn_key',
  'waving_hand',
  'web',
  'webhook',
  'widgets',
  'wifi',
] as const;

export type CatalogIconName = (typeof CATALOG_ICON_NAMES)[number];

const KNOWN: ReadonlySet<string> = new Set(CATALOG_ICON_NAMES);

export const isCatalogIconName = (name: string): name is CatalogIconName => KNOWN.has(name);

/** An https:// image URL (one line, no spaces). */
export const isIconUrl = (icon: string): boolean => /^https:\/\/\S+$/i.test(icon);

/** What is wrong with an item's icon, in words; null when it is a known name or an https:// URL. */
export function catalogIconProblem(icon: string): string | null {
  if (isIconUrl(icon) || isCatalogIconName(icon)) return null;
  if (!/^[a-z][a-z0-9_]{0,60}$/.test(icon)) return 'use a Material icon name (e.g. hub) or an https:// URL';
  return `"${icon}" is not an icon the portal has: use a Material icon name from its list (e.g. hub, cloud, router) or an https:// URL`;
}
