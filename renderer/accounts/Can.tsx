import type { ReactNode } from 'react';
import type { OperationName } from '../../shared/api';
import { useCan } from './auth';

/** Draws its children only for a person who may call the operation. */
export function Can({ op, children }: { op: OperationName; children: ReactNode }) {
  return useCan(op) ? children : null;
}
