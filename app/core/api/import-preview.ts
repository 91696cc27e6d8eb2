import type { ImportPreviewResult } from '../../shared/api';
import { importSettings } from '../settings';
import { messagesToFieldErrors } from './field-errors';

/**
 * Reads a settings file the way `settings:import` does, without applying it: the UI shows what would
 * change before the user confirms. Secrets are named (source → fields), never sent back.
 */
export function previewImport(text: string): ImportPreviewResult {
  const parsed = importSettings(text);
  if (!parsed.ok) return { ok: false, errors: messagesToFieldErrors(parsed.errors) };
  const secretFields = Object.fromEntries(
    Object.entries(parsed.secrets).map(([id, fields]) => [id, Object.keys(fields)]),
  );
  return { ok: true, settings: parsed.settings, secretFields };
}
