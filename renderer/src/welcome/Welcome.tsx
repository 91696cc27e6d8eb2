import { KindCards } from '../components/KindCards';
import { navigate } from '../hooks/useHashRoute';
import { useSourceKinds } from '../hooks/useHostData';

/** What a new user sees instead of an empty history: the way to their first server. */
export function Welcome() {
  const kinds = useSourceKinds();
  return (
    <div className="welcome">
      <h3 id="welcome-heading">Add your first server</h3>
      <p className="muted">
        Herald keeps a live connection to the servers you run and tells you what they report. Pick the kind of
        server to connect to; you can test the connection before saving.
      </p>
      <KindCards
        kinds={kinds}
        labelledBy="welcome-heading"
        onPick={(kind) => navigate('settings', { add: kind })}
      />
    </div>
  );
}
