// Live events on the Data page: the simulator at a chosen rate, a form to add one event by hand, the
// user's own stream (LiveStreamForm), the queue's figures (every event received is accepted or
// rejected), and the rejects to read or download.

import { useState, type FormEvent } from 'react';
import { EVENT_TYPES } from '../../analytics/live/liveEvents';
import { useShowAll } from '../../components/ui/ShowAll';
import {
  liveRejects,
  liveRejectsCsv,
  pushEvents,
  simulationCast,
  startSimulation,
  stopSimulation,
} from '../../data/live/liveSession';
import { useLiveFigures } from '../../hooks/useLive';
import { downloadBlob } from '../../lib/download';
import { formatCount, formatDateTime, formatDay } from '../../lib/format';
import { EventFileForm } from './EventFileForm';
import { LiveStreamForm } from './LiveStreamForm';

const RATES = [10, 100, 1_000, 10_000, 50_000, 100_000];

export function LiveEventsPanel() {
  const figures = useLiveFigures();
  const [rate, setRate] = useState(100);
  const [error, setError] = useState<string | null>(null);
  const { counts, written } = figures;
  const rejects = [...liveRejects()].reverse();
  const { shown, button } = useShowAll(rejects, 20, 'rejected events');

  const start = async () => {
    setError(null);
    try {
      const cast = await simulationCast(Date.now() % 100_000);
      if (cast.customerIds.length === 0 && cast.campaignIds.length === 0)
        throw new Error('The simulator plays the customers and campaigns of this workspace: import some first.');
      await startSimulation(cast, rate);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section aria-labelledby="live-heading">
      <h2 id="live-heading">Live events</h2>
      <p className="muted">
        Purchases, campaign impressions, clicks, conversions and costs, and registrations, checked one by one in a
        worker (a bad event is rejected with its reason and never stops the queue), de-duplicated by id, and written
        into the workspace every 200 ms; views refresh within a second, and the changed tables are stored every 10 s.
      </p>
      <div className="inline-fields">
        <label>
          Simulated events per second{' '}
          <select value={rate} onChange={(e) => setRate(Number(e.target.value))}>
            {RATES.map((r) => (
              <option key={r} value={r}>
                {formatCount(r)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button primary" onClick={() => void start()}>
          {figures.simulating ? 'Change the rate' : 'Start the live demo'}
        </button>
        {figures.simulating > 0 && (
          <button type="button" className="button" onClick={() => void stopSimulation()}>
            Stop the live demo
          </button>
        )}
      </div>
      {error && <p role="alert">{error}</p>}
      <dl className="live-figures" data-testid="live-figures">
        <div>
          <dt>Received</dt>
          <dd data-testid="live-received">{formatCount(counts.received)}</dd>
        </div>
        <div>
          <dt>Accepted</dt>
          <dd data-testid="live-accepted">{formatCount(counts.accepted - figures.alreadyStored)}</dd>
        </div>
        <div>
          <dt>Rejected</dt>
          <dd data-testid="live-rejected">{formatCount(counts.rejected + figures.alreadyStored)}</dd>
        </div>
        <div>
          <dt>Rows written</dt>
          <dd data-testid="live-written">
            {formatCount(written.purchases)} purchases, {formatCount(written.campaignDays)} campaign-day updates,{' '}
            {formatCount(written.registrations)} new customers
          </dd>
        </div>
        <div>
          <dt>Rate</dt>
          <dd>{formatCount(figures.eventsPerSecond)} events/s</dd>
        </div>
        <div>
          <dt>Last update</dt>
          <dd>{figures.lastLatencyMs === null ? '—' : `${formatCount(figures.lastLatencyMs)} ms after arrival`}</dd>
        </div>
        <div>
          <dt>Predictions rescored</dt>
          <dd data-testid="live-rescored">
            {figures.rescored
              ? `${formatCount(figures.rescored.customers)} customer scorings as of ${formatDay(figures.rescored.asOf)} (last took ${formatCount(figures.rescored.lastMs)} ms)`
              : 'none yet (needs a prediction fit)'}
          </dd>
        </div>
        <div>
          <dt>Stored</dt>
          <dd data-testid="live-stored">
            {figures.unsaved.length ? `waiting: ${figures.unsaved.join(', ')}` : 'everything'}
            {figures.storedAt ? ` (last ${formatDateTime(figures.storedAt)})` : ''}
          </dd>
        </div>
      </dl>
      {figures.error && <p role="alert">Live events could not be written: {figures.error}</p>}
      <OneEventForm />
      <EventFileForm />
      <LiveStreamForm />
      {rejects.length > 0 && (
        <>
          <h3>Rejected events</h3>
          <ol className="live-rejects" data-testid="live-rejects">
            {shown.map((r, i) => (
              <li key={`${r.seq}-${i}`}>
                {r.source ? r.source : r.seq ? `Event ${formatCount(r.seq)}` : 'An event'}
                {r.id ? ` (id ${r.id})` : ''}, {r.field}: {r.reason}
              </li>
            ))}
          </ol>
          <div className="actions">
            {button}
            <button
              type="button"
              className="button"
              onClick={() => downloadBlob(liveRejectsCsv(), 'lantern-rejected-events.csv')}
            >
              Download the rejected events (CSV)
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** One event typed in by hand; sent as typed, so the worker's checks judge it like any other. */
function OneEventForm() {
  const [type, setType] = useState<(typeof EVENT_TYPES)[number]>('purchase');
  const [subject, setSubject] = useState('');
  const [amount, setAmount] = useState('');
  const [at, setAt] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const onCampaign = type !== 'purchase' && type !== 'registration';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = `hand-${Date.now()}`;
    const when = at ? new Date(at).toISOString() : new Date().toISOString();
    const event: Record<string, unknown> = { type, id, at: when };
    if (onCampaign) event.campaignId = subject;
    else event.customerId = subject;
    if (type === 'purchase') event.amount = amount;
    else if (onCampaign && amount !== '') event.value = amount;
    void pushEvents([event]).then(() => setSent(`Sent ${type} ${id}.`));
  };
  return (
    <form onSubmit={submit} aria-labelledby="one-event-heading" className="one-event">
      <h3 id="one-event-heading">Add one event</h3>
      <div className="inline-fields">
        <label>
          Event{' '}
          <select value={type} onChange={(e) => setType(e.target.value as (typeof EVENT_TYPES)[number])}>
            {EVENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          {onCampaign ? 'Campaign id' : 'Customer id'}{' '}
          <input value={subject} onChange={(e) => setSubject(e.target.value)} />
        </label>
        {type !== 'registration' && (
          <label>
            {type === 'purchase' ? 'Amount' : type === 'cost' ? 'Cost' : type === 'conversion' ? 'Revenue' : 'Count'}{' '}
            <input value={amount} inputMode="decimal" onChange={(e) => setAmount(e.target.value)} />
          </label>
        )}
        <label>
          When (empty: now) <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        </label>
        <button type="submit" className="button">
          Add the event
        </button>
      </div>
      {sent && (
        <p className="muted" role="status">
          {sent}
        </p>
      )}
    </form>
  );
}
