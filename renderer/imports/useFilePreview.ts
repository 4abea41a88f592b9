import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { UploadOp } from '../../shared/imports/contract';
import { previewFile, SendCancelled, type Sending, type UploadInputs } from './upload';

/**
 * The preview of a picked file (a VIN list, a DMS export), sent streamed to the PC that keeps the
 * database (./upload.ts): its answer, the sending's progress, Cancel. Reading the file again (other
 * inputs) drops a sending still under way. The answer is null when the person cancelled.
 */
export function useFilePreview<Op extends UploadOp>(op: Op) {
  const [sending, setSending] = useState<Sending>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const current = useRef<AbortController | null>(null);
  const mutation = useMutation({
    mutationKey: [op],
    mutationFn: async ({ file, inputs }: { file: File; inputs: UploadInputs<Op> }) => {
      current.current?.abort();
      const mine = new AbortController();
      current.current = mine;
      setCancelled(null);
      try {
        return await previewFile(op, inputs, file, { signal: mine.signal, onSending: (s) => current.current === mine && setSending(s) });
      } catch (err) {
        if (err instanceof SendCancelled) {
          // Cancelled by the person (not replaced by a newer reading).
          if (current.current === mine) setCancelled(file.name);
          return null;
        }
        throw err;
      }
    },
  });
  const { mutate, reset: resetMutation } = mutation;
  const reset = useCallback(() => {
    current.current?.abort();
    current.current = null;
    setSending(null);
    setCancelled(null);
    resetMutation();
  }, [resetMutation]);
  const cancel = useCallback(() => current.current?.abort(), []);
  return {
    mutate,
    reset,
    cancel,
    data: mutation.data ?? null,
    error: mutation.error,
    isPending: mutation.isPending,
    /** How far the sending is while the file goes to the PC that keeps the database. */
    sending,
    /** The name of the file whose sending the person cancelled. */
    cancelled,
  };
}
