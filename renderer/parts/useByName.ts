import { useState } from 'react';
import { useSignedInName } from '../accounts/auth';

const KEY = 'recall-desk.by';

/**
 * Who is at the counter: the signed-in person, or on a PC without accounts a name asked once,
 * remembered on this machine and recorded with every change.
 */
export function useByName(): [string, (name: string) => void] {
  const signedIn = useSignedInName();
  const [name, setName] = useState(() => {
    try {
      return localStorage.getItem(KEY) ?? '';
    } catch {
      return '';
    }
  });
  return [
    signedIn ?? name,
    (n: string) => {
      setName(n);
      try {
        localStorage.setItem(KEY, n);
      } catch {
        // private mode: remembered for this session only
      }
    },
  ];
}
