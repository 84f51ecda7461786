// The optimisation settings: goal, daily budget, default bounds, the recent days that define "current",
// bid targets, and per-campaign bounds and locks; "Optimise" saves them and runs the job in the worker.

import { useState } from 'react';
import {
  GOAL_LABELS,
  checkCampaignSettings,
  type CampaignBoundsOverride,
  type CampaignOptimisationSettings,
  type OptimisationGoal,
} from '../../analytics/campaigns/campaignSettings';
import type { CampaignState } from '../../analytics/campaigns/optimizeCampaigns';
import { JobStatus } from '../../components/ui/JobStatus';
import { ProblemList } from '../../components/ui/ProblemList';
import { useCampaignJob } from '../../hooks/useCampaignJob';

interface OptimisationControlsProps {
  stored: CampaignOptimisationSettings;
  /** The last run's campaigns, for the bounds table (current spend and default bounds). */
  states: CampaignState[] | null;
  names: Map<string, string>;
  onRun: (settings: CampaignOptimisationSettings) => void;
}

const optionalNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text));
const optionalField = (v: number | null) => (v === null ? '' : String(v));
const round2 = (v: number) => String(Math.round(v * 100) / 100);

/** The settings form and the per-campaign bounds table. */
export function OptimisationControls({ stored, states, names, onRun }: OptimisationControlsProps) {
  const job = useCampaignJob();
  const [goal, setGoal] = useState<OptimisationGoal>(stored.goal);
  const [budget, setBudget] = useState(optionalField(stored.totalBudget));
  const [boundPct, setBoundPct] = useState(String(stored.boundPct));
  const [recentDays, setRecentDays] = useState(String(stored.recentDays));
  const [targetRoas, setTargetRoas] = useState(optionalField(stored.targetRoas));
  const [targetCpa, setTargetCpa] = useState(optionalField(stored.targetCpa));
  const [overrides, setOverrides] = useState<Record<string, CampaignBoundsOverride>>(stored.overrides);
  // The bounds table (one row per campaign) is only rendered while it is open.
  const [boundsOpen, setBoundsOpen] = useState(false);
  const settings: CampaignOptimisationSettings = {
    goal,
    totalBudget: optionalNumber(budget),
    boundPct: Number(boundPct),
    recentDays: Number(recentDays),
    targetRoas: optionalNumber(targetRoas),
    targetCpa: optionalNumber(targetCpa),
    overrides,
  };
  const problems = checkCampaignSettings(settings);
  const running = job.status === 'running';
  const setOverride = (id: string, change: CampaignBoundsOverride) =>
    setOverrides((all) => {
      const next = { ...(all[id] ?? {}), ...change };
      for (const key of Object.keys(next) as (keyof CampaignBoundsOverride)[])
        if (next[key] === undefined) delete next[key];
      const copy = { ...all };
      if (Object.keys(next).length === 0) delete copy[id];
      else copy[id] = next;
      return copy;
    });
  const currentTotal = states?.filter((s) => s.active).reduce((t, s) => t + s.currentSpend, 0) ?? null;
  return (
    <form
      className="segment-controls"
      aria-label="Optimisation settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length === 0) onRun(settings);
      }}
    >
      <fieldset disabled={running}>
        <legend>Goal and budget</legend>
        <div className="inline-fields">
          <label>
            Goal{' '}
            <select value={goal} onChange={(e) => setGoal(e.target.value as OptimisationGoal)}>
              {(Object.keys(GOAL_LABELS) as OptimisationGoal[]).map((g) => (
                <option key={g} value={g}>
                  {GOAL_LABELS[g]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Total daily budget{' '}
            <input
              type="number"
              min={0}
              step="any"
              value={budget}
              disabled={goal === 'cost'}
              placeholder={currentTotal === null ? 'current total' : `current: ${round2(currentTotal)}`}
              onChange={(e) => setBudget(e.target.value)}
            />
          </label>
          <label>
            Default bounds ±{' '}
            <input type="number" min={0} max={500} value={boundPct} onChange={(e) => setBoundPct(e.target.value)} /> %
            of current spend
          </label>
          <label>
            “Current” is the last{' '}
            <input type="number" min={7} max={180} value={recentDays} onChange={(e) => setRecentDays(e.target.value)} />{' '}
            days of the range
          </label>
        </div>
        <div className="inline-fields">
          <label>
            Target ROAS for bids{' '}
            <input
              type="number"
              min={0}
              step="any"
              value={targetRoas}
              placeholder="recent portfolio ROAS"
              onChange={(e) => setTargetRoas(e.target.value)}
            />
          </label>
          <label>
            Target CPA for bids{' '}
            <input
              type="number"
              min={0}
              step="any"
              value={targetCpa}
              placeholder="recent portfolio CPA"
              onChange={(e) => setTargetCpa(e.target.value)}
            />
          </label>
        </div>
      </fieldset>
      {states && states.some((s) => s.active) && (
        <details open={boundsOpen} onToggle={(e) => setBoundsOpen(e.currentTarget.open)}>
          <summary>Per-campaign bounds and locks</summary>
          {boundsOpen && (
            <div className="table-scroll" tabIndex={0} role="region" aria-label="Per-campaign bounds">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Campaign</th>
                    <th scope="col">Current spend / day</th>
                    <th scope="col">Min / day</th>
                    <th scope="col">Max / day</th>
                    <th scope="col">Locked</th>
                  </tr>
                </thead>
                <tbody>
                  {states
                    .filter((s) => s.active)
                    .map((s) => {
                      const o = overrides[s.id] ?? {};
                      const pct = Number(boundPct) / 100;
                      const name = names.get(s.id) ?? s.id;
                      return (
                        <tr key={s.id}>
                          <th scope="row">{name}</th>
                          <td>{round2(s.currentSpend)}</td>
                          <td>
                            <input
                              type="number"
                              min={0}
                              step="any"
                              aria-label={`Minimum daily spend for ${name}`}
                              value={o.min ?? ''}
                              placeholder={round2(s.currentSpend * (1 - pct))}
                              onChange={(e) => setOverride(s.id, { min: optionalNumber(e.target.value) ?? undefined })}
                            />
                          </td>
                          <td>
                            <input
                              type="number"
                              min={0}
                              step="any"
                              aria-label={`Maximum daily spend for ${name}`}
                              value={o.max ?? ''}
                              placeholder={round2(s.currentSpend * (1 + pct))}
                              onChange={(e) => setOverride(s.id, { max: optionalNumber(e.target.value) ?? undefined })}
                            />
                          </td>
                          <td>
                            <input
                              type="checkbox"
                              aria-label={`Lock ${name}`}
                              checked={o.locked === true}
                              onChange={(e) => setOverride(s.id, { locked: e.target.checked ? true : undefined })}
                            />
                          </td>
                        </tr>
                      );
                    })}
                </tbody>
              </table>
            </div>
          )}
        </details>
      )}
      <ProblemList problems={problems} />
      <div className="actions">
        <button type="submit" className="button primary" disabled={running || problems.length > 0}>
          Optimise
        </button>
      </div>
      <JobStatus
        status={job.status}
        progressLabel="Optimisation progress"
        fraction={job.progress?.fraction ?? 0}
        error={job.error}
        onCancel={job.cancel}
      >
        {job.progress ? `${job.progress.phase}: ${job.progress.detail}` : 'starting…'}
      </JobStatus>
    </form>
  );
}
