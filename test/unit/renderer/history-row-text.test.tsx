import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../app/shared/history';
import { EntryDetail } from '../../../renderer/src/history/EntryDetail';
import { HistoryRow } from '../../../renderer/src/history/HistoryRow';

const ESC = '\x1b';

function entry(title: string, body: string, entityName = 'Hall sensor'): HistoryEntry {
  return {
    seq: 1,
    recordedAt: 1_700_000_000_000,
    read: true,
    decision: { action: 'record', reason: 'no rule matched' },
    event: {
      id: 'e1',
      sourceId: 'lab',
      sourceKind: 'generic-json',
      type: 'json.alert',
      time: 1_700_000_000_000,
      severity: 'warning',
      title,
      body,
      entity: { id: 'hall', name: entityName },
      raw: {},
    },
  };
}

const render = (e: HistoryEntry) =>
  renderToStaticMarkup(
    <HistoryRow entry={e} sourceName="Lab" position={1} setSize={1} onMarkRead={() => {}} />,
  );

describe('the history row shows server text as cleanly as the notification did', () => {
  it('an entry recorded with escapes, controls and bidi overrides in it shows none of them', () => {
    const html = render(
      entry(
        `${ESC}[31mDisk failed\u202e${ESC}[0m`,
        `Array ${ESC}]8;;http://evil.example/${ESC}\\details${ESC}]8;;${ESC}\\\r\nline two\x07`,
        `Hall\u2066 sensor\u200b`,
      ),
    );
    // eslint-disable-next-line no-control-regex -- the row must contain none of these
    expect(html).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069]/);
    expect(html).not.toContain('evil.example');
    expect(html).toContain('aria-label="Disk failed"');
    expect(html).toContain('<h3 class="entry-title" dir="auto">Disk failed</h3>');
    expect(html).toContain('<p class="entry-body" dir="auto">Array details\nline two</p>');
    expect(html).toContain('<span class="entry-entity">Hall sensor</span>');
  });

  it('ordinary Unicode is shown as it came', () => {
    const html = render(entry('録画完了 🎬 👨‍👩‍👧', 'مرحبا — Crème brûlée'));
    expect(html).toContain('録画完了 🎬 👨‍👩‍👧');
    expect(html).toContain('مرحبا — Crème brûlée');
  });

  it('the entry details show the same clean text, and the raw payload shows hidden characters as escapes', () => {
    const e = entry(`${ESC}[31mDisk failed\u202e`, `Array${ESC}[0m\r\nline two\x07`, `Hall\u2066 sensor`);
    e.event.raw = { title: 'invoice\u202etxt.exe' };
    e.decision = {
      action: 'notify',
      reason: `rule 'disk' matched\x07`,
      notification: {
        title: `Disk\u202e failed`,
        body: 'b',
        severity: 'warning',
        urgency: 'normal',
        silent: false,
      },
    };
    const html = renderToStaticMarkup(
      <EntryDetail
        entry={e}
        names={{ sources: {}, rules: {} }}
        onClose={() => {}}
        onMarkRead={() => {}}
        onOpenEntry={() => {}}
      />,
    );
    // eslint-disable-next-line no-control-regex -- the pane must contain none of these
    expect(html).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069]/);
    expect(html).toContain('>Disk failed</h2>');
    expect(html).toContain('Array\nline two');
    expect(html).toContain('<strong>Disk failed</strong>');
    expect(html).toContain('invoice\\u202etxt.exe');
  });
});
