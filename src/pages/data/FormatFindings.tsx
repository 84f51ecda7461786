// What the file's own values say about its decimal separator and date orders, in words, and the
// question the user answers when the file cannot settle one (the import waits for the answer).

import type { DayOrderSide, DecimalSide } from '../../data/ingestion/formatEvidence';
import { confirmFormat, readDateWith, readNumberWith, type FormatFinding } from '../../data/ingestion/formatFindings';
import type { ImportOptions } from '../../data/ingestion/importOptions';

interface FormatFindingsProps {
  findings: FormatFinding[];
  options: ImportOptions;
  onChange: (options: ImportOptions) => void;
}

const DECIMAL_ANSWERS: [DecimalSide, string][] = [
  ['.', 'Decimal point'],
  [',', 'Decimal comma'],
];
const DATE_ANSWERS: [DayOrderSide, string][] = [
  ['dmy', 'Day first'],
  ['mdy', 'Month first'],
];

/** One sentence per decision; a question with two answers where the file cannot settle it. */
export function FormatFindings({ findings, options, onChange }: FormatFindingsProps) {
  if (findings.length === 0) return null;
  const confirmed = new Set(options.formatsConfirmed ?? []);
  return (
    <div className="format-findings" data-testid="format-findings">
      {findings.map((finding) => {
        const asking = finding.decision.status === 'ask';
        if (!asking) {
          return (
            <p key={finding.subject} className="note">
              {finding.text}
            </p>
          );
        }
        const answered = confirmed.has(finding.subject);
        return (
          <fieldset key={finding.subject} className="question" data-testid={`format-question-${finding.subject}`}>
            <legend>{finding.text}</legend>
            {finding.kind === 'decimal'
              ? DECIMAL_ANSWERS.map(([side, label]) => {
                  const example = exampleOf(finding);
                  const chosen = answered && options.decimalSeparator === side;
                  return (
                    <button
                      key={side}
                      type="button"
                      className={`button${chosen ? ' primary' : ''}`}
                      aria-pressed={chosen}
                      onClick={() => onChange(confirmFormat({ ...options, decimalSeparator: side }, finding.subject))}
                    >
                      {label} ("{side}"){example && `: ${example} is ${readNumberWith(example, side)}`}
                    </button>
                  );
                })
              : DATE_ANSWERS.map(([side, label]) => {
                  const example = exampleOf(finding);
                  const field = finding.kind === 'date' ? finding.field : '';
                  const chosen = answered && options.dateFormats[field] === side;
                  return (
                    <button
                      key={side}
                      type="button"
                      className={`button${chosen ? ' primary' : ''}`}
                      aria-pressed={chosen}
                      onClick={() =>
                        onChange(
                          confirmFormat(
                            { ...options, dateFormats: { ...options.dateFormats, [field]: side } },
                            finding.subject,
                          ),
                        )
                      }
                    >
                      {label}
                      {example && `: ${example} is ${readDateWith(example, side)}`}
                    </button>
                  );
                })}
            {!answered && (
              <p role="alert" className="error small">
                The import waits for your answer.
              </p>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}

/** The value the question is about: one the file writes that could be read either way. */
function exampleOf(finding: FormatFinding): string | null {
  return finding.eitherExamples[0] ?? null;
}
