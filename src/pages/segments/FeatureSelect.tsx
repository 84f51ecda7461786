import { SEGMENTATION_FEATURES } from '../../analytics/segmentation/featureCatalog';

/** A labelled choice of one clustering feature (for the scatter's axes). */
export function FeatureSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {SEGMENTATION_FEATURES.map((f) => (
          <option key={f.column} value={f.column}>
            {f.label}
          </option>
        ))}
      </select>
    </label>
  );
}
