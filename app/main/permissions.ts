/** The part of an Electron session whose permission hooks Herald sets (a recorder in tests). */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

/**
 * Herald's windows show its own page and need no browser permission at all: no camera, microphone,
 * geolocation, web notifications (the host raises those), clipboard reads, HID/USB/serial devices,
 * fullscreen or external protocols. Without handlers Electron grants most requests; here every request
 * and every check is refused, so a page that somehow ran foreign script still gets nothing.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
