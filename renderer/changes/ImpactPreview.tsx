import { useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../shared/api';
import { apiQuery } from '../queries';
import { ErrorNotice } from '../ui/Notice';
import { ImpactView } from './ImpactView';

/** A previewed import's impact, worked out before anything is written; `ready` tells the Apply button. */
export function ImpactPreview({ input }: { input: InputOf<'importImpact'> | null }) {
  const impact = useQuery({ ...apiQuery('importImpact', input), staleTime: Number.POSITIVE_INFINITY, gcTime: 0 });
  if (impact.error) return <ErrorNotice error={impact.error} testId="impact-problem" />;
  if (!impact.data) return input ? <p className="muted">Working out what this import changes…</p> : null;
  return <ImpactView impact={impact.data} />;
}

export function useImpactReady(input: InputOf<'importImpact'> | null): boolean {
  return !!useQuery({ ...apiQuery('importImpact', input), staleTime: Number.POSITIVE_INFINITY, gcTime: 0 }).data;
}
