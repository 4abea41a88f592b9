import { useQuery } from '@tanstack/react-query';
import { useNavigation } from '../navigation';
import { apiQuery } from '../queries';

/** The top bar's count of applied imports not yet looked at; a click opens "What changed". */
export function ChangesIndicator() {
  const unseen = useQuery({ ...apiQuery('unseenChanges', {}), refetchInterval: 5_000, throwOnError: false });
  const nav = useNavigation();
  const n = unseen.data?.unseen ?? 0;
  if (n === 0) return null;
  return (
    <button type="button" className="changes-indicator" data-testid="changes-indicator" onClick={() => nav.show('changes')}>
      What changed: {n} new
    </button>
  );
}
