import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { followDesk, lanHost } from '../api';
import { apiQuery } from '../queries';

/**
 * Which database this PC's window works on (its own, or a sharing PC's it was connected to in
 * Settings), kept in the top bar's state. Fetched again when it changes (the 'connection' tag: the
 * window switched, or the host stopped or started answering). A page served by the host asks nothing.
 */
export function useDeskConnection() {
  const q = useQuery({ ...apiQuery('deskConnection', lanHost ? null : {}), throwOnError: false });
  useEffect(() => {
    if (q.data) followDesk({ host: q.data.host, reachable: q.data.reachable });
  }, [q.data]);
  return q;
}
