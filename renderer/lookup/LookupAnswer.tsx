import type { LookupResult } from '../../shared/api';
import { plural } from '../../shared/wording';
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

/** The answer for one VIN: the vehicle, loud warnings, then one card per campaign that may apply. */
export function LookupAnswer({ result, updating, onAnswer, onOpenCampaign }: Props) {
  return (
    <div className={updating ? 'result updating' : 'result'} data-testid="lookup-result" aria-busy={updating || undefined}>
      <VehicleHeader r={result} onClearFacts={() => onAnswer({ model: null, productionMonth: null })} />
      {result.warnings.map((w) => (
        <div key={w} className="banner warning" role="alert" data-testid="vin-warning">
          <strong>Check the VIN.</strong> {w}
        </div>
      ))}
      {result.campaigns.length === 0 ? (
        <div className="banner ok" data-testid="no-campaigns">
          <strong>No campaign in the library applies to this VIN.</strong> Checked against {plural(result.campaignsChecked, 'campaign')} (newest bulletin{' '}
          {result.newestRevisionDate ?? 'none'}). The library only knows the bulletins loaded here: TIS/SLP is the source of truth.
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
}
