import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../app/shared/history';
import { formatTime } from '../../../renderer/src/format';
import { HistoryRow } from '../../../renderer/src/history/HistoryRow';

function entry(time: number): HistoryEntry {
  return {
    seq: 1,
    recordedAt: 1_700_000_000_000,
    read: false,
    decision: { action: 'record', reason: 'no rule matched' },
    event: {
      id: 'e1',
      sourceId: 'lab',
      sourceKind: 'generic-json',
      type: 'json.odd',
      time,
      severity: 'info',
      title: 'A server with a strange clock',
      body: 'its time field is far out of range',
      raw: {},
    },
  } as HistoryEntry;
}

describe('times a Date cannot hold', () => {
  it('formatTime gives text instead of throwing (a snooze far in the future, a server clock gone wild)', () => {
    for (const value of [1e300, -1e300, 9e15, Number.NaN]) expect(typeof formatTime(value)).toBe('string');
  });

  it('a history row whose event time is out of range still renders, text intact', () => {
    const html = renderToStaticMarkup(
      <HistoryRow entry={entry(1e300)} sourceName="Lab" position={1} setSize={1} onMarkRead={() => {}} />,
    );
    expect(html).toContain('A server with a strange clock');
    expect(html).toContain('its time field is far out of range');
  });

  it('a row with an ordinary time carries it as an ISO datetime', () => {
    const html = renderToStaticMarkup(
      <HistoryRow
        entry={entry(1_700_000_000_000)}
        sourceName="Lab"
        position={1}
        setSize={1}
        onMarkRead={() => {}}
      />,
    );
    expect(html).toContain('dateTime="2023-11-14T22:13:20.000Z"');
  });
});
