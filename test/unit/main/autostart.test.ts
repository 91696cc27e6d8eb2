import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { app } from '../../fakes/electron';
import { isAutostartEnabled, linuxDesktopEntry, setAutostart } from '../../../app/main/autostart';

describe('autostart', () => {
  it('writes and removes an XDG autostart entry on Linux, starting hidden', () => {
    const config = mkdtempSync(join(tmpdir(), 'herald-xdg-'));
    const env = {
      platform: 'linux' as const,
      execPath: '/opt/Herald/herald',
      env: { XDG_CONFIG_HOME: config },
      loginItems: app,
    };
    setAutostart(true, env);
    const file = join(config, 'autostart', 'herald.desktop');
    expect(readFileSync(file, 'utf8')).toContain('Exec=/opt/Herald/herald --hidden');
    expect(isAutostartEnabled(env)).toBe(true);
    setAutostart(false, env);
    expect(existsSync(file)).toBe(false);
  });

  it('points an AppImage entry at the AppImage file, quoted when it has spaces', () => {
    const entry = linuxDesktopEntry('/tmp/.mount_abc/herald', {
      APPIMAGE: '/home/me/Apps/Herald 1.0.AppImage',
    });
    expect(entry).toContain('Exec="/home/me/Apps/Herald 1.0.AppImage" --hidden');
    expect(entry).not.toContain('.mount_');
  });

  it('escapes what the Desktop Entry spec reserves inside a quoted Exec argument', () => {
    const entry = linuxDesktopEntry('/x', { APPIMAGE: '/opt/a$b/100%/c\\d"e.AppImage' });
    // $ → \\$, % → %%, \ → four backslashes, " → \\" (the value is string-unescaped before it is split)
    expect(entry).toContain('Exec="/opt/a\\\\$b/100%%/c\\\\\\\\d\\\\"e.AppImage" --hidden');
  });

  it('uses login items on Windows and macOS', () => {
    const env = { platform: 'win32' as const, execPath: 'C:\\Herald\\Herald.exe', env: {}, loginItems: app };
    setAutostart(true, env);
    expect(app.loginItems).toEqual({ openAtLogin: true, path: 'C:\\Herald\\Herald.exe', args: ['--hidden'] });
    expect(isAutostartEnabled(env)).toBe(true);
    setAutostart(false, env);
    expect(isAutostartEnabled(env)).toBe(false);
  });
});
