import { ensureWebUi } from './herald-serve';

/**
 * Once for the whole vitest run: test files run in parallel, and one that made the placeholder page
 * must not remove it while another still starts `herald serve` on it.
 */
export default function setup(): () => void {
  return ensureWebUi();
}
