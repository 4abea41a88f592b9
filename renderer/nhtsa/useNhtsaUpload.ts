import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { ApiError, type OutputOf } from '../../shared/api';
import { NHTSA_PIECE_BYTES } from '../../shared/nhtsa/contract';
import { NHTSA_WORDING } from '../../shared/nhtsa/wording';
import { api } from '../api';

type Sending = { fileName: string; sent: number; size: number };

/** A piece of the file as base64, read from disk only when it is sent (the file is never whole in memory). */
function pieceOf(file: File, offset: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new ApiError('invalid-input', NHTSA_WORDING.cannotRead(file.name, reader.error?.message ?? 'it could not be read'), []));
    reader.readAsDataURL(file.slice(offset, offset + NHTSA_PIECE_BYTES));
  });
}

/**
 * NHTSA's file from the file picker: sent in pieces, in order, to the PC that keeps the database (the
 * same operations in Electron, the browser and from a desk on the LAN), with its progress and Cancel;
 * then read there for the preview. The answer is the preview, or null when the person cancelled.
 */
export function useNhtsaUpload() {
  const [sending, setSending] = useState<Sending | null>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const stop = useRef(false);
  const mutation = useMutation({
    mutationKey: ['previewNhtsaUpload'],
    mutationFn: async (file: File): Promise<OutputOf<'previewNhtsaUpload'> | null> => {
      stop.current = false;
      setCancelled(null);
      let uploadId: string | null = null;
      try {
        for (let offset = 0; offset < file.size || offset === 0; offset += NHTSA_PIECE_BYTES) {
          setSending({ fileName: file.name, sent: offset, size: file.size });
          const data = await pieceOf(file, offset);
          if (stop.current) {
            setCancelled(file.name);
            return null;
          }
          ({ uploadId } = await api.sendNhtsaPiece({ uploadId, fileName: file.name, size: file.size, offset, data }));
          if (file.size === 0) break;
        }
      } finally {
        setSending(null);
      }
      return api.previewNhtsaUpload({ uploadId: uploadId! });
    },
  });
  const { reset: resetMutation } = mutation;
  const reset = useCallback(() => {
    stop.current = true;
    setCancelled(null);
    resetMutation();
  }, [resetMutation]);
  return {
    /** Sends the picked file and reads it there. */
    send: mutation.mutate,
    /** How far the sending is, while it runs. */
    sending,
    /** The file being read on the PC that keeps the database (once sent), or null. */
    reading: mutation.isPending && !sending ? (mutation.variables?.name ?? null) : null,
    cancel: () => {
      stop.current = true;
    },
    /** The file whose sending the person cancelled. */
    cancelled,
    preview: mutation.data ?? null,
    error: mutation.error,
    reset,
  };
}
