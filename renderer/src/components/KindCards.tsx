import type { SourceKindInfo } from '../../../app/shared/api';

interface Props {
  kinds: SourceKindInfo[];
  /** The heading the list belongs to (for screen readers). */
  labelledBy: string;
  onPick(kind: string): void;
}

/** One button per kind of server, with what it brings: the way into adding a source. */
export function KindCards({ kinds, labelledBy, onPick }: Props) {
  return (
    <ul className="kind-cards" aria-labelledby={labelledBy}>
      {kinds.map((kind) => (
        <li key={kind.kind}>
          <button
            type="button"
            className="kind-card"
            aria-label={`Add ${kind.displayName}`}
            onClick={() => onPick(kind.kind)}
          >
            <strong>{kind.displayName}</strong>
            <span className="muted small">{kind.description}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
