import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface LoginItems {
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[]; path?: string }): void;
  getLoginItemSettings(options?: { args?: string[]; path?: string }): { openAtLogin: boolean };
}

export interface AutostartEnv {
  platform: NodeJS.Platform;
  execPath: string;
  env: NodeJS.ProcessEnv;
  loginItems: LoginItems;
}

/** Herald starts hidden in the tray when the login launch passes this. */
export const HIDDEN_FLAG = '--hidden';

export function linuxAutostartFile(env: NodeJS.ProcessEnv): string {
  const config = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(config, 'autostart', 'herald.desktop');
}

/**
 * Desktop Entry spec: inside a quoted Exec argument `"`, backtick, `$` and `\` are backslash-escaped,
 * and the value is string-unescaped first, so each of those backslashes is written twice; `%` starts
 * a field code unless doubled.
 */
function escapeQuoted(path: string): string {
  return path.replace(/%/g, '%%').replace(/["`$\\]/g, (c) => (c === '\\' ? '\\\\\\\\' : `\\\\${c}`));
}

/** An AppImage runs from a temporary mount: the login entry must point at the AppImage file itself. */
export function linuxDesktopEntry(execPath: string, env: NodeJS.ProcessEnv): string {
  const target = env.APPIMAGE || execPath;
  const quoted = /[\s"'\\`$%]/.test(target) ? `"${escapeQuoted(target)}"` : target;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Herald',
    'Comment=Notifications from your home servers',
    `Exec=${quoted} ${HIDDEN_FLAG}`,
    'Icon=herald',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Electron's login items cover Windows and macOS only; Linux uses the freedesktop autostart folder. */
export function setAutostart(enabled: boolean, env: AutostartEnv): void {
  if (env.platform === 'linux') {
    const file = linuxAutostartFile(env.env);
    if (!enabled) {
      rmSync(file, { force: true });
      return;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, linuxDesktopEntry(env.execPath, env.env));
    return;
  }
  env.loginItems.setLoginItemSettings({ openAtLogin: enabled, path: env.execPath, args: [HIDDEN_FLAG] });
}

export function isAutostartEnabled(env: AutostartEnv): boolean {
  if (env.platform === 'linux') return existsSync(linuxAutostartFile(env.env));
  return env.loginItems.getLoginItemSettings({ path: env.execPath, args: [HIDDEN_FLAG] }).openAtLogin;
}
