import { useState } from 'react';
import type { SourceTestOutcome, SourceTestRequest, SourceTestResult } from '../../../app/shared/source-test';
import { herald } from '../api/herald';

interface Props {
  /** The form's current, unsaved values. */
  request(): SourceTestRequest;
  /** "Trust this certificate": pin the fingerprint the server presented. */
  onPin(fingerprint256: string): void;
}

const headline: Record<SourceTestOutcome, string> = {
  reached: 'Reached',
  refused: 'Refused',
  'auth-failed': 'Sign-in failed',
  'tls-untrusted': 'Certificate not trusted',
  'wrong-kind': 'Wrong kind of server',
  unreachable: 'Not reachable',
  'timed-out': 'No answer in time',
  invalid: 'Cannot be tried yet',
};

/** Tries the unsaved settings once, in the host; the running source and the saved settings stay as they are. */
export function TestConnection({ request, onPin }: Props) {
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<SourceTestResult>();
  const [pinned, setPinned] = useState<string>();

  const test = async () => {
    setTesting(true);
    setPinned(undefined);
    try {
      setResult(await herald().sourceTest(request()));
    } catch (err) {
      setResult({ outcome: 'invalid', message: (err as Error).message, notes: [] });
    } finally {
      setTesting(false);
    }
  };

  return (
    <div className="test-connection">
      <button type="button" className="secondary" disabled={testing} onClick={() => void test()}>
        {testing ? 'Testing…' : 'Test connection'}
      </button>
      <div className="test-result-slot" role="status" aria-live="polite">
        {testing && <p className="muted">Connecting with the values above…</p>}
        {!testing && result && (
          <div className={`test-result outcome-${result.outcome}`}>
            <strong>{headline[result.outcome]}</strong>
            <p>{result.message}</p>
            {result.hint && <p className="muted">{result.hint}</p>}
            {result.notes.map((note) => (
              <p key={note} className="muted small">
                {note}
              </p>
            ))}
            {result.fingerprint256 && (
              <div className="fingerprint">
                <span className="muted small">SHA-256 fingerprint</span>
                <code>{result.fingerprint256}</code>
                {pinned === result.fingerprint256 ? (
                  <span className="small">Pinned below: test again, or save to keep it.</span>
                ) : (
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() => {
                      onPin(result.fingerprint256!);
                      setPinned(result.fingerprint256);
                    }}
                  >
                    Trust this certificate
                  </button>
                )}
              </div>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
