import { useState } from 'react';
import { Field } from '../components/Field';
import { errorsAt, unclaimed } from '../components/field-errors';
import { formatDuration } from '../format';
import { useSectionSave } from '../hooks/useSectionSave';
import { SaveBar } from './SaveBar';
import type { SectionProps } from './section-props';

/** Durations are edited as text ("60s", "5m") and parsed by the host, which reports bad ones. */
export function DeliverySection({ settings, save }: SectionProps) {
  const { policy } = settings;
  const [dedup, setDedup] = useState(formatDuration(policy.dedupWindow));
  const [burstWindow, setBurstWindow] = useState(formatDuration(policy.coalesce.window));
  const [threshold, setThreshold] = useState(String(policy.coalesce.threshold));
  const [maxPerMinute, setMaxPerMinute] = useState(String(policy.maxPerMinute));
  const { errors, status, run, formRef } = useSectionSave(save);
  const paths = [
    'policy.dedupWindow',
    'policy.coalesce.window',
    'policy.coalesce.threshold',
    'policy.maxPerMinute',
  ];

  const submit = () => {
    const next = {
      ...settings,
      policy: {
        dedupWindow: dedup,
        coalesce: { window: burstWindow, threshold: Number(threshold) },
        maxPerMinute: Number(maxPerMinute),
      },
    };
    // The host accepts duration strings where settings hold milliseconds.
    void run(next as unknown as typeof settings);
  };

  return (
    <form
      ref={formRef}
      className="card"
      aria-labelledby="delivery-heading"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 id="delivery-heading">Delivery</h2>
      <p className="section-help">How Herald keeps a noisy server from flooding your desktop.</p>
      <Field
        label="Repeat window"
        help="The same alert again within this time is recorded only (e.g. 60s, 5m)"
        errors={errorsAt(errors, paths[0]!)}
      >
        <input type="text" value={dedup} onChange={(e) => setDedup(e.target.value)} />
      </Field>
      <div className="row">
        <Field label="Burst window" errors={errorsAt(errors, paths[1]!)}>
          <input type="text" value={burstWindow} onChange={(e) => setBurstWindow(e.target.value)} />
        </Field>
        <Field
          label="Burst size"
          help="More than this many in the window become one summary"
          errors={errorsAt(errors, paths[2]!)}
        >
          <input type="number" min={1} value={threshold} onChange={(e) => setThreshold(e.target.value)} />
        </Field>
      </div>
      <Field label="At most per minute" errors={errorsAt(errors, paths[3]!)}>
        <input type="number" min={1} value={maxPerMinute} onChange={(e) => setMaxPerMinute(e.target.value)} />
      </Field>
      <SaveBar status={status} errors={unclaimed(errors, paths)} />
    </form>
  );
}
