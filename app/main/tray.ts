import { join } from 'node:path';
import type { SourceStatus } from '../shared/source-status';
import type { TrayIconState } from './tray-model';
import { trayModel } from './tray-model';

interface MenuItem {
  label?: string;
  type?: 'separator' | 'normal';
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuItem[];
}

/** The Electron pieces the tray uses, injected so it runs against the fake in tests. */
export interface TrayDeps {
  Tray: new (image: never) => {
    setImage(image: never): void;
    setToolTip(text: string): void;
    setContextMenu(menu: never): void;
    on(event: 'click', listener: () => void): unknown;
    destroy(): void;
  };
  Menu: { buildFromTemplate(items: MenuItem[]): unknown };
  nativeImage: { createFromPath(path: string): { setTemplateImage?(flag: boolean): void } };
  platform: NodeJS.Platform;
  iconDir: string;
  actions: {
    openHistory(): void;
    openSettings(): void;
    reconnectAll(): void;
    snoozeAll(ms: number | null): void;
    quit(): void;
  };
}

export interface TrayState {
  statuses: SourceStatus[];
  unread: number;
  allSnoozed: boolean;
}

export interface HeraldTray {
  update(state: TrayState): void;
  destroy(): void;
}

const HOUR = 3_600_000;

function iconFile(state: TrayIconState, platform: NodeJS.Platform): string {
  // macOS wants a monochrome template image that follows the menu bar's colour; it cannot show colour states.
  if (platform === 'darwin') return state === 'ok' ? 'trayTemplate.png' : 'tray-alertTemplate.png';
  return `tray-${state}.png`;
}

export function createTray(deps: TrayDeps): HeraldTray {
  const image = (state: TrayIconState) => {
    const img = deps.nativeImage.createFromPath(join(deps.iconDir, iconFile(state, deps.platform)));
    if (deps.platform === 'darwin') img.setTemplateImage?.(true);
    return img as never;
  };
  const tray = new deps.Tray(image('ok'));
  // On Linux a click may never arrive (AppIndicator shows the menu instead): everything is in the menu too.
  tray.on('click', () => deps.actions.openHistory());
  let lastIcon: TrayIconState = 'ok';

  const update = (state: TrayState) => {
    const model = trayModel(state.statuses, state.unread, state.allSnoozed);
    if (model.icon !== lastIcon) {
      tray.setImage(image(model.icon));
      lastIcon = model.icon;
    }
    tray.setToolTip(model.tooltip);
    const { actions } = deps;
    const items: MenuItem[] = [
      {
        label: state.unread ? `Open history (${state.unread} unread)` : 'Open history',
        click: actions.openHistory,
      },
      { label: 'Settings…', click: actions.openSettings },
      { type: 'separator' },
      ...(model.sourceLines.length ? model.sourceLines : ['No sources yet']).map((label) => ({
        label,
        enabled: false,
      })),
      { label: 'Reconnect all', click: actions.reconnectAll, enabled: state.statuses.length > 0 },
      {
        label: 'Snooze notifications',
        submenu: [
          { label: 'For 1 hour', click: () => actions.snoozeAll(HOUR) },
          { label: 'For 4 hours', click: () => actions.snoozeAll(4 * HOUR) },
          { label: 'For 24 hours', click: () => actions.snoozeAll(24 * HOUR) },
          { label: 'Resume now', click: () => actions.snoozeAll(null), enabled: state.allSnoozed },
        ],
      },
      { type: 'separator' },
      { label: 'Quit Herald', click: actions.quit },
    ];
    // Linux only picks up menu changes when the menu is set again.
    tray.setContextMenu(deps.Menu.buildFromTemplate(items) as never);
  };

  update({ statuses: [], unread: 0, allSnoozed: false });
  return { update, destroy: () => tray.destroy() };
}
