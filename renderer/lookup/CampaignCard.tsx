import { useQuery } from '@tanstack/react-query';
import type { CampaignHit, LookupResult } from '../../shared/api';
import { Can } from '../accounts/Can';
import { NHTSA_WORDING } from '../../shared/nhtsa/wording';
import { describeAge } from '../../shared/age';
import {
  CERTAINTY_LABEL,
  KIND_LABEL,
  listedPartText,
  makeUnconfirmedText,
  OLD_BULLETIN_DAYS,
  oldBulletinText,
  orderedSeverity,
  remedyLabel,
  SEVERITY_GUEST_TEXT,
  SEVERITY_LABEL,
  stockHoldTitle,
  VEHICLE_STATUS_LABEL,
} from '../../shared/wording';
import { nextSteps } from '../../shared/parts/next-steps';
import { cporSentence } from '../../shared/parts/wording';
import { CardForms } from '../forms/CardForms';
import { apiQuery } from '../queries';
import { useAfterPaint } from '../ui/after-paint';
import { VehicleStatusForm } from '../vehicles/VehicleStatusForm';
import { NeedsForm } from './NeedsForm';
import type { Facts } from './useLookup';

type Props = {
  hit: CampaignHit;
  result: LookupResult;
  onAnswer: (facts: Partial<Facts>) => void;
  onOpen: () => void;
};

/** How sure the answer is: confirmed by an imported list, ruled out by a complete one, or to verify. */
function certaintyBadge(hit: CampaignHit): { cls: string; text: string } {
  const list = hit.affectedList;
  if (hit.certainty === 'confirmed') return { cls: 'badge good', text: `${CERTAINTY_LABEL.confirmed}: on the list of ${list?.date ?? ''}` };
  if (list?.complete && !list.listed) return { cls: 'badge unknown', text: `Not on the list of ${list.date}` };
  if (hit.matchedBy === 'nhtsa-model-year') return { cls: 'badge verify', text: NHTSA_WORDING.verifyBadge };
  return { cls: 'badge verify', text: CERTAINTY_LABEL.verify };
}

const REMEDY_CLASS = { true: 'badge good', false: 'badge bad', null: 'badge unknown' } as const;
/** Until the bulletin is read: no steps of its own to give way. */
const NO_BULLETIN = { actions: [], parts: [] } as const;

/** One campaign that may apply: how sure, the remedy, why, what to do next, and its source. */
export function CampaignCard({ hit, result, onAnswer, onOpen }: Props) {
  const old = hit.source.ageDays > OLD_BULLETIN_DAYS;
  const done = hit.vehicleStatus && hit.vehicleStatus.status !== 'open' ? hit.vehicleStatus : null;
  const notListed = hit.affectedList?.complete && !hit.affectedList.listed;
  const certainty = certaintyBadge(hit);
  // A recall from NHTSA's file (no bulletin in this library): no status, forms or library entry here.
  const fromNhtsa = hit.matchedBy === 'nhtsa-model-year';
  // The vehicle's CPOR requests (to place, on order, received): one read for all its cards, once the answer is drawn.
  const vin = useAfterPaint(result.vin);
  const cpor = useQuery(apiQuery('vehicleCpor', fromNhtsa || !vin ? null : { vin }));
  const parts = cpor.data?.parts.filter((p) => p.campaign === hit.code) ?? [];
  // With a request on record, the bulletin's steps for the parts counter give way to it (its roles are the bulletin's).
  const bulletin = useQuery(apiQuery('getCampaign', parts.length > 0 ? { code: hit.code } : null));
  const steps = nextSteps(
    hit.actions,
    bulletin.data?.bulletin ?? NO_BULLETIN,
    parts.map((p) => p.what),
    hit.affectedList,
  );
  return (
    <article
      className={`card ${hit.certainty}${done ? ' done' : ''}${notListed ? ' not-listed' : ''}`}
      data-testid={`hit-${hit.code}`}
      aria-label={`${hit.code} ${hit.title}`}
    >
      {/* NHTSA's advisories come first, in words the advisor can say to the guest as they stand. */}
      {orderedSeverity(hit.severity).map((flag) => (
        <div key={flag} className={`banner severity ${flag}`} role="alert" data-testid={`severity-${flag}`}>
          <strong>{SEVERITY_LABEL[flag]}.</strong> {SEVERITY_GUEST_TEXT[flag]}
        </div>
      ))}
      <header className="card-head">
        <span className="code mono">{hit.code}</span>
        <h3>{hit.title}</h3>
        <span className="badge kind">{KIND_LABEL[hit.kind]}</span>
        {hit.nhtsaRecallNumber && <span className="badge kind">NHTSA {hit.nhtsaRecallNumber}</span>}
        {fromNhtsa && (
          <span className="badge kind" data-testid="from-nhtsa">
            From NHTSA's recall file
          </span>
        )}
        <span className={certainty.cls} data-testid="certainty">
          {certainty.text}
        </span>
        {done ? (
          <span className="badge done" data-testid="vehicle-status">
            {VEHICLE_STATUS_LABEL[done.status]}
            {done.completedOn ? ` ${done.completedOn}` : ''}
          </span>
        ) : (
          <span className={REMEDY_CLASS[`${hit.remedy.available}`]} data-testid="remedy">
            {remedyLabel(hit.remedy.available)}
          </span>
        )}
      </header>

      {hit.stockHolds.map((h) => (
        <div key={`${h.hold}-${h.condition}`} className="banner hold" role="alert" data-testid="stock-hold">
          <strong>{stockHoldTitle(h.hold, h.condition)}.</strong> {h.text}
        </div>
      ))}
      {old && (
        <div className="banner stale" data-testid="old-data">
          <strong>Old data.</strong> {oldBulletinText(hit.source.revisionDate, describeAge(hit.source.ageDays))}
        </div>
      )}
      {!hit.makeConfirmed && (
        <div className="banner warning" data-testid="make-unconfirmed">
          {makeUnconfirmedText(hit.make)}
        </div>
      )}

      {hit.needs.length > 0 && <NeedsForm hit={hit} result={result} onAnswer={onAnswer} />}

      <dl className="card-body">
        <dt>Why</dt>
        <dd data-testid="certainty-reason">{hit.certaintyReason}</dd>
        {fromNhtsa && hit.nhtsa && (
          <>
            <dt>Component</dt>
            <dd>{hit.nhtsa.component}</dd>
            <dt>Summary</dt>
            <dd data-testid="nhtsa-summary">{hit.nhtsa.summary}</dd>
            <dt>Consequence</dt>
            <dd>{hit.nhtsa.consequence}</dd>
            {hit.nhtsa.reportDate && (
              <>
                <dt>Reported</dt>
                <dd>{hit.nhtsa.reportDate}</dd>
              </>
            )}
          </>
        )}
        <dt>Remedy</dt>
        <dd data-testid="remedy-explanation">{hit.remedy.explanation}</dd>
        {hit.affectedList?.partNumber && (
          <>
            <dt>Part</dt>
            <dd data-testid="listed-part">{listedPartText(hit.affectedList.partNumber, hit.affectedList.date)}</dd>
          </>
        )}
        {parts.length > 0 && (
          <>
            <dt>CPOR</dt>
            <dd data-testid="cpor-state">
              {parts.map((p) => (
                <div key={p.part} className={p.state === 'received' ? 'good' : undefined}>
                  {cporSentence(p, p.what)}
                </div>
              ))}
            </dd>
          </>
        )}
        <dt>Next</dt>
        <dd>
          <ul className="actions" data-testid="next-steps">
            {steps.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </dd>
      </dl>
      {!fromNhtsa && (
        <>
          <Can op="setVehicleCampaignStatus">
            <VehicleStatusForm
              campaign={hit.code}
              vin={result.vin}
              recorded={hit.vehicleStatus}
              notAvailable={hit.remedy.available === false ? `Not available yet, so it cannot be completed here: ${hit.remedy.explanation}` : null}
            />
          </Can>
          <CardForms hit={hit} result={result} />
        </>
      )}
      <footer className="card-foot">
        {fromNhtsa ? (
          <span className={old ? 'source old' : 'source'}>
            Source: {hit.source.bulletin}
            {hit.source.revisionDate ? `, report ${hit.source.revisionDate}` : ''} (imported: {describeAge(hit.source.ageDays)})
          </span>
        ) : (
          <>
            <span className={old ? 'source old' : 'source'}>
              Source: {hit.source.bulletin}, revision {hit.source.revisionDate} ({describeAge(hit.source.ageDays)})
            </span>
            <button type="button" className="link" onClick={onOpen}>
              Open {hit.code} in the library
            </button>
          </>
        )}
      </footer>
    </article>
  );
}
