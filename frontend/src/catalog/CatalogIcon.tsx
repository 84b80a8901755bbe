// A catalog item's icon: an https:// image, or a Material icon name (`account_tree`).
// Icons are looked up in a fixed set imported from @mui/icons-material rather than the whole package:
// importing every icon (over 2,000, each in five variants) would put them all in the bundle, or make
// thousands of chunks. The set is CATALOG_ICON_NAMES (@superfluid/dialogs): the server refuses any
// other name and the editor's picker offers exactly these; the type below asks for a component for
// each. An item saved before that rule with another name shows its type's icon.
import type { ComponentType } from 'react';
import { Avatar } from '@mui/material';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import { CATALOG_ICON_NAMES, type CatalogIconName, isCatalogIconName, isIconUrl } from '@superfluid/dialogs';
import AccountTree from '@mui/icons-material/AccountTree';
import AltRoute from '@mui/icons-material/AltRoute';
import Analytics from '@mui/icons-material/Analytics';
import Api from '@mui/icons-material/Api';
import Apps from '@mui/icons-material/Apps';
import Backup from '@mui/icons-material/Backup';
import Bolt from '@mui/icons-material/Bolt';
import Build from '@mui/icons-material/Build';
import Cable from '@mui/icons-material/Cable';
import Category from '@mui/icons-material/Category';
import CellTower from '@mui/icons-material/CellTower';
import Cloud from '@mui/icons-material/Cloud';
import CloudQueue from '@mui/icons-material/CloudQueue';
import CloudUpload from '@mui/icons-material/CloudUpload';
import Code from '@mui/icons-material/Code';
import Computer from '@mui/icons-material/Computer';
import Dashboard from '@mui/icons-material/Dashboard';
import Dataset from '@mui/icons-material/Dataset';
import Description from '@mui/icons-material/Description';
import DeveloperBoard from '@mui/icons-material/DeveloperBoard';
import Dns from '@mui/icons-material/Dns';
import Extension from '@mui/icons-material/Extension';
import Folder from '@mui/icons-material/Folder';
import Http from '@mui/icons-material/Http';
import Hub from '@mui/icons-material/Hub';
import Inventory from '@mui/icons-material/Inventory';
import Inventory2 from '@mui/icons-material/Inventory2';
import Lan from '@mui/icons-material/Lan';
import Language from '@mui/icons-material/Language';
import Layers from '@mui/icons-material/Layers';
import Lock from '@mui/icons-material/Lock';
import Memory from '@mui/icons-material/Memory';
import MonitorHeart from '@mui/icons-material/MonitorHeart';
import PlayCircle from '@mui/icons-material/PlayCircle';
import Public from '@mui/icons-material/Public';
import RocketLaunch from '@mui/icons-material/RocketLaunch';
import Router from '@mui/icons-material/Router';
import Schema from '@mui/icons-material/Schema';
import Science from '@mui/icons-material/Science';
import Security from '@mui/icons-material/Security';
import Settings from '@mui/icons-material/Settings';
import SettingsEthernet from '@mui/icons-material/SettingsEthernet';
import Shield from '@mui/icons-material/Shield';
import Storage from '@mui/icons-material/Storage';
import Sync from '@mui/icons-material/Sync';
import Terminal from '@mui/icons-material/Terminal';
import VpnKey from '@mui/icons-material/VpnKey';
import WavingHand from '@mui/icons-material/WavingHand';
import Web from '@mui/icons-material/Web';
import Webhook from '@mui/icons-material/Webhook';
import Widgets from '@mui/icons-material/Widgets';
import Wifi from '@mui/icons-material/Wifi';

type Icon = ComponentType<SvgIconProps>;

/** Material icon names (snake_case, as in the Material Symbols catalogue) to components: every name of the set, no other. */
const ICONS = {
  account_tree: AccountTree,
  alt_route: AltRoute,
  analytics: Analytics,
  api: Api,
  apps: Apps,
  backup: Backup,
  bolt: Bolt,
  build: Build,
  cable: Cable,
  category: Category,
  cell_tower: CellTower,
  cloud: Cloud,
  cloud_queue: CloudQueue,
  cloud_upload: CloudUpload,
  code: Code,
  computer: Computer,
  dashboard: Dashboard,
  dataset: Dataset,
  description: Description,
  developer_board: DeveloperBoard,
  dns: Dns,
  extension: Extension,
  folder: Folder,
  http: Http,
  hub: Hub,
  inventory: Inventory,
  inventory_2: Inventory2,
  lan: Lan,
  language: Language,
  layers: Layers,
  lock: Lock,
  memory: Memory,
  monitor_heart: MonitorHeart,
  play_circle: PlayCircle,
  public: Public,
  rocket_launch: RocketLaunch,
  router: Router,
  schema: Schema,
  science: Science,
  security: Security,
  settings: Settings,
  settings_ethernet: SettingsEthernet,
  shield: Shield,
  storage: Storage,
  sync: Sync,
  terminal: Terminal,
  vpn_key: VpnKey,
  waving_hand: WavingHand,
  web: Web,
  webhook: Webhook,
  widgets: Widgets,
  wifi: Wifi,
} satisfies Record<CatalogIconName, Icon>;

/** The icons an item may name, in the set's order: the editor's picker offers these. */
export const CATALOG_ICONS: { name: CatalogIconName; Icon: Icon }[] = CATALOG_ICON_NAMES.map((name) => ({ name, Icon: ICONS[name] }));

const BY_TYPE: Record<string, Icon> = { bundle: AccountTree, ansible_playbook: PlayCircle };

/** `AccountTree`, `account-tree` and `account_tree` all name the same icon. */
const iconKey = (name: string): string =>
  name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toLowerCase();

export const isImageUrl = (icon: string | null | undefined): icon is string => !!icon && isIconUrl(icon.trim());

/** The component of a known icon name (`AccountTree` and `account-tree` name `account_tree` too); undefined for any other. */
export const iconComponent = (icon: string): Icon | undefined => {
  const key = iconKey(icon);
  return isCatalogIconName(key) ? ICONS[key] : undefined;
};

export const CatalogIcon = ({ icon, type, size = 48 }: { icon: string | null | undefined; type: string; size?: number }) => {
  if (isImageUrl(icon)) {
    return (
      <Avatar
        variant="rounded"
        src={icon.trim()}
        alt=""
        sx={{ width: size, height: size, bgcolor: 'transparent' }}
        slotProps={{ img: { referrerPolicy: 'no-referrer' } }}
      />
    );
  }
  const Component = (icon ? iconComponent(icon) : undefined) ?? BY_TYPE[type] ?? Category;
  return (
    <Avatar variant="rounded" sx={{ width: size, height: size, bgcolor: 'primary.main', color: 'primary.contrastText' }} data-icon={icon ?? ''}>
      <Component sx={{ fontSize: size * 0.6 }} />
    </Avatar>
  );
};
