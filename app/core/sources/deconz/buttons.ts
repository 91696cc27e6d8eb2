/**
 * Readable button gestures. `buttonevent` is `button × 1000 + action` (plugin `sensor.h`,
 * `button_maps.json`); meanings are device-specific, so the generic labels below follow the common
 * x000–x006 pattern and keep the raw code in the event for rules that need a particular remote.
 */

export interface ButtonGesture {
  /** Raw `buttonevent`. */
  code: number;
  /** 1-based button number (0 when the code does not follow the ×1000 scheme). */
  button: number;
  /** Machine-friendly action: `press`, `hold`, `short-release`, `long-release`, `double`… */
  action: string;
  /** Words for a title: "short press", "long press", "double press"… */
  label: string;
}

const ACTIONS: Record<number, { action: string; label: string }> = {
  0: { action: 'press', label: 'pressed' },
  1: { action: 'hold', label: 'held' },
  2: { action: 'short-release', label: 'short press' },
  3: { action: 'long-release', label: 'long press released' },
  4: { action: 'double', label: 'double press' },
  5: { action: 'triple', label: 'triple press' },
  6: { action: 'quadruple', label: 'quadruple press' },
  7: { action: 'shake', label: 'shaken' },
  8: { action: 'drop', label: 'dropped' },
  9: { action: 'tilt', label: 'tilted' },
  10: { action: 'many', label: 'multi press' },
  30: { action: 'rotate-cw', label: 'turned clockwise' },
  31: { action: 'rotate-ccw', label: 'turned counter-clockwise' },
};

/** Hue Tap (ZGPSWITCH) sends raw Green Power codes instead of the ×1000 scheme (HA `device_trigger.py`). */
const HUE_TAP: Record<number, number> = { 34: 1, 16: 2, 17: 3, 18: 4 };

/** Aqara cube `state.gesture` values (HA `AQARA_CUBE`). */
const CUBE_GESTURES: Record<number, string> = {
  0: 'woken up',
  1: 'shaken',
  2: 'dropped',
  3: 'flipped 90°',
  4: 'flipped 180°',
  5: 'moved',
  6: 'double-tapped',
  7: 'turned clockwise',
  8: 'turned counter-clockwise',
};

export function decodeButtonEvent(code: number, gesture?: unknown): ButtonGesture {
  if (typeof gesture === 'number' && CUBE_GESTURES[gesture]) {
    return {
      code,
      button: Math.floor(code / 1000),
      action: `gesture-${gesture}`,
      label: CUBE_GESTURES[gesture],
    };
  }
  const tap = HUE_TAP[code];
  if (tap !== undefined) return { code, button: tap, action: 'press', label: 'pressed' };
  if (code < 1000) return { code, button: 0, action: `code-${code}`, label: `event ${code}` };
  const button = Math.floor(code / 1000);
  const known = ACTIONS[code % 1000];
  if (known) return { code, button, ...known };
  return { code, button, action: `code-${code % 1000}`, label: `event ${code}` };
}

/** "button 2 short press" / "button 1 pressed" / "shaken". */
export function describeGesture(g: ButtonGesture): string {
  if (g.action.startsWith('gesture-') || g.button === 0) return g.label;
  return `button ${g.button} ${g.label}`;
}
