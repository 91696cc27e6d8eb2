import { describe, expect, it } from 'vitest';
import { messagesToFieldErrors } from '../../../app/core/api/field-errors';
import { ConditionSchema } from '../../../app/shared/rules';
import { errorsAt, unclaimed } from '../../../renderer/src/components/field-errors';
import { formatDuration, slugify, splitList } from '../../../renderer/src/format';
import { emptyFilters, toQuery } from '../../../renderer/src/hooks/useHistory';
import { fromDraft, toDraft } from '../../../renderer/src/settings/condition-model';

describe('condition drafts', () => {
  it('turn form text into valid conditions and back', () => {
    const cases = [
      { field: 'data.cpuPercent', op: 'gt', value: '90' },
      { field: 'entity.name', op: 'eq', value: 'nas' },
      { field: 'data.ok', op: 'eq', value: 'true' },
      { field: 'title', op: 'regex', value: '^Disk' },
      { field: 'data.state', op: 'changed', value: '' },
    ] as const;
    for (const draft of cases) {
      const condition = fromDraft({ ...draft });
      expect(ConditionSchema.safeParse(condition).success).toBe(true);
      expect(toDraft(condition)).toEqual(draft);
    }
    expect(fromDraft({ field: 'x', op: 'eq', value: '42' })).toEqual({ field: 'x', op: 'eq', value: 42 });
  });

  it('leave a non-number comparison for the host to reject', () => {
    expect(ConditionSchema.safeParse(fromDraft({ field: 'x', op: 'lt', value: 'lots' })).success).toBe(false);
  });
});

describe('field errors', () => {
  it('split "path: problem" lines from the settings parser into form paths', () => {
    expect(
      messagesToFieldErrors(['sources[1].url: must start with ws://', 'rules[0]: bad glob', 'plain problem']),
    ).toEqual([
      { path: 'sources.1.url', message: 'must start with ws://' },
      { path: 'rules.0', message: 'bad glob' },
      { path: '', message: 'plain problem' },
    ]);
  });

  it('are routed to the field that owns them, the rest to the form', () => {
    const errors = [
      { path: 'quietHours.start', message: 'use HH:MM' },
      { path: 'rules.0.conditions.1.value', message: 'expected a number' },
      { path: '', message: 'something else' },
    ];
    expect(errorsAt(errors, 'quietHours.start')).toEqual(['use HH:MM']);
    expect(errorsAt(errors, 'rules.0.conditions.1')).toEqual(['expected a number']);
    expect(errorsAt(errors, 'rules.0.conditions.10')).toEqual([]);
    expect(unclaimed(errors, ['quietHours.start', 'rules.0'])).toEqual([
      { path: '', message: 'something else' },
    ]);
  });
});

describe('history filters', () => {
  it('become a history query with only the filters that are set', () => {
    expect(toQuery(emptyFilters)).toEqual({ limit: 100 });
    expect(
      toQuery({ text: ' disk ', sourceId: 'lab', severity: 'critical', action: 'notify', unreadOnly: true }),
    ).toEqual({
      limit: 100,
      text: 'disk',
      sourceIds: ['lab'],
      severities: ['critical'],
      actions: ['notify'],
      unreadOnly: true,
    });
  });
});

describe('formatting', () => {
  it('shows durations the way settings files write them', () => {
    expect(formatDuration(60_000)).toBe('1m');
    expect(formatDuration(90_000)).toBe('90s');
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(7_200_000)).toBe('2h');
  });

  it('derives ids and lists from form text', () => {
    expect(slugify('My NAS (basement)')).toBe('my-nas-basement');
    expect(slugify('!!!')).toBe('source');
    expect(splitList(' emby.*, ,unraid.docker.stop ')).toEqual(['emby.*', 'unraid.docker.stop']);
    expect(splitList('  ')).toBeUndefined();
  });
});
