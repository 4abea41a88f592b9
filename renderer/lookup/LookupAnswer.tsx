import { memo } from 'react';
import type { LookupResult } from '../../shared/api';
import { EMPTY_DATABASE_NOTE, nothingApplies, plural } from '../../shared/wording';
import { CampaignCard } from './CampaignCard';
import type { Facts } from './useLookup';
import { VehicleHeader } from './VehicleHeader';

type Props = {
  result: LookupResult;
  /** The previous question's answer, shown while the new one is on its way. */
  updating: boolean;
  onAnswer: (facts: Partial<Facts>) => void;
  onOpenCampaign: (code: string) => void;
};

/**
 * The answer for one VIN: the vehicle, loud warnings, then one card per campaign that may apply.
 * Memoised: typing or scanning the next VIN does not redraw the cards on every key.
 */
export const LookupAnswer = memo(function LookupAnswer({ result, updating, onAnswer, onOpenCampaign }: Props) {
  const none = nothingApplies(result.campaignsChecked, result.newestRevisionDate);
  return (
    <div className={updating ? 'result updating' : 'result'} data-testid="lookup-result" aria-busy={updating || undefined}>
      <VehicleHeader r={result} onAnswer={onAnswer} />
      {result.warnings.map((w) => (
        <div key={w} className="banner warning" role="alert" data-testid="vin-warning">
          <strong>Check the VIN.</strong> {w}
        </div>
      ))}
      {result.emptyDatabase && (
        <div className="banner warning" data-testid="empty-database">
          {EMPTY_DATABASE_NOTE}
        </div>
      )}
      {result.nhtsa && (
        <div className="banner info" data-testid="nhtsa-note">
          {result.nhtsa.text}
        </div>
      )}
      {result.campaigns.length === 0 ? (
        <div className="banner info" data-testid="no-campaigns">
          <strong>{none.title}</strong> {none.detail}
        </div>
      ) : (
        <>
          <h2 className="count">{plural(result.campaigns.length, 'campaign')} may apply</h2>
          {result.campaigns.map((c) => (
            <CampaignCard key={c.code} hit={c} result={result} onAnswer={onAnswer} onOpen={() => onOpenCampaign(c.code)} />
          ))}
        </>
      )}
    </div>
  );
});
