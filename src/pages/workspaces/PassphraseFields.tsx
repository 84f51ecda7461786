import { useState } from 'react';

export const MIN_PASSPHRASE_LENGTH = 8;

interface PassphraseFieldsProps {
  /** The chosen passphrase, null for none (when optional), undefined while the two fields disagree or it is too short. */
  onChange: (passphrase: string | null | undefined) => void;
  optional?: boolean;
}

/** A passphrase typed twice, with its rules said plainly. */
export function PassphraseFields({ onChange, optional = false }: PassphraseFieldsProps) {
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const problem =
    first === '' && second === ''
      ? optional
        ? null
        : 'Type a passphrase.'
      : first.length < MIN_PASSPHRASE_LENGTH
        ? `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`
        : first !== second
          ? 'The two passphrases differ.'
          : null;
  const update = (a: string, b: string) => {
    setFirst(a);
    setSecond(b);
    const empty = a === '' && b === '';
    onChange(empty ? (optional ? null : undefined) : a.length >= MIN_PASSPHRASE_LENGTH && a === b ? a : undefined);
  };
  return (
    <div className="form-row">
      <label>
        Passphrase{optional && ' (optional)'}{' '}
        <input
          type="password"
          autoComplete="new-password"
          value={first}
          onChange={(e) => update(e.target.value, second)}
        />
      </label>
      <label>
        Repeat it{' '}
        <input
          type="password"
          autoComplete="new-password"
          value={second}
          onChange={(e) => update(first, e.target.value)}
        />
      </label>
      {problem && first + second !== '' && <span className="error">{problem}</span>}
      {optional && first === '' && (
        <span className="muted small">Without a passphrase the data is stored unencrypted.</span>
      )}
    </div>
  );
}
