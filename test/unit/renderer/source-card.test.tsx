import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../../app/shared/settings';
import type { SourceStatus } from '../../../app/shared/source-status';
import { SourceCard } from '../../../renderer/src/settings/SourceCard';

const source: SourceConfig = {
  id: 'lab',
  kind: 'generic-json',
  name: 'Lab',
  url: 'ws://127.0.0.1:8765/events',
  enabled: true,
  options: {},
  tls: {},
} as SourceConfig;

const status = (patch: Partial<SourceStatus>): SourceStatus => ({
  sourceId: 'lab',
  sourceKind: 'generic-json',
  name: 'Lab',
  state: 'open',
  badFrames: 0,
  events: 3,
  ...patch,
});

const render = (s: SourceStatus, pairs = false) =>
  renderToStaticMarkup(
    <SourceCard
      source={source}
      kindName="JSON WebSocket"
      pairs={pairs}
      status={s}
      snoozedUntil={undefined}
      onEdit={() => {}}
      onRemove={() => {}}
    />,
  );

describe('the source card', () => {
  it('shows how many frames were unreadable and why the last one was', () => {
    const html = render(
      status({ badFrames: 4, lastBadFrame: { reason: 'nested deeper than 256 levels', at: Date.now() } }),
    );
    expect(html).toContain('4 unreadable messages');
    expect(html).toMatch(/Last unreadable message \([^)]+\): nested deeper than 256 levels/);
  });

  it('says nothing about unreadable messages while there were none', () => {
    expect(render(status({}))).not.toContain('unreadable');
  });

  it('offers "Pair again" when a kind that pairs had its key refused, and only then', () => {
    const refused = status({
      state: 'auth-failed',
      lastError: 'the gateway refused the API key: pair again',
    });
    expect(render(refused, true)).toMatch(/<button[^>]*>Pair again<\/button>/);
    expect(render(refused, false)).not.toContain('Pair again');
    expect(render(status({ state: 'open' }), true)).not.toContain('Pair again');
    expect(render(status({ state: 'backing-off' }), true)).not.toContain('Pair again');
  });
});
