import { useState } from 'react';

const KEY = 'recall-desk.by';

/** Who is at the counter: asked once, remembered on this machine, recorded with every change. */
export function useByName(): [string, (name: string) => void] {
  const [name, setName] = useState(() => {
    try {
      return localStorage.getItem(KEY) ?? '';
    } catch {
      return '';
    }
  });
  return [
    name,
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
