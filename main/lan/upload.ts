// Import files from a desk: the file is the request's body, read by the host as it arrives, with the
// preview's other inputs (campaign, date, mapping...) in one header. Exactly what the CLI does with
// a local file (a stream of chunks into the same reader, staged the same way), so a list of millions
// of rows works and memory stays bounded on both PCs. The commit is the ordinary commitImport call.
import type http from 'node:http';
import { describeIssues } from '../../shared/bulletin';
import { ApiError } from '../../shared/contract';
import { PreviewVehiclesInput, PreviewVinListInput } from '../../shared/imports/contract';
import type { App } from '../app';
import { describeStorageError } from '../db/errors';
import { decodedChunks } from '../files/decoded-chunks';
import { mappingOf, stageVehicles, stageVinList, todayOf } from '../imports/preview';
import { readVehiclesStream } from '../imports/vehicles';
import { readVinListStream } from '../imports/vinlist';
import type { RouteContext } from '../server/http';

export const UPLOAD_PATHS = { previewVinList: '/lan/upload/previewVinList', previewVehicles: '/lan/upload/previewVehicles' } as const;
/** The preview's inputs without the file's content: base64url of their JSON. */
export const UPLOAD_INPUT_HEADER = 'x-recall-desk-input';

type Op = keyof typeof UPLOAD_PATHS;

export function uploadRoute(app: App, op: Op, may: (session: string | null, op: Op) => string | null) {
  return (req: http.IncomingMessage, res: http.ServerResponse, ctx: RouteContext) => {
    const refuse = (code: string, message: string, details: string[] = []) => {
      if (res.headersSent) return;
      ctx.send(200, JSON.stringify({ ok: false, error: { code, message, details } }));
      // The rest of a refused file is not read: the connection closes after the answer.
      if (!req.readableEnded) res.once('finish', () => req.destroy());
    };
    const why = may(ctx.session, op);
    if (why) return refuse(why.startsWith('sign in') ? 'unauthenticated' : 'forbidden', why);
    let raw: unknown;
    try {
      raw = { ...JSON.parse(Buffer.from(String(req.headers[UPLOAD_INPUT_HEADER] ?? ''), 'base64url').toString('utf8')), content: '' };
    } catch {
      return refuse('invalid-input', `The upload needs its inputs in the ${UPLOAD_INPUT_HEADER} header (base64url JSON).`);
    }
    const schema = op === 'previewVinList' ? PreviewVinListInput : PreviewVehiclesInput;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const details = describeIssues(parsed.error);
      return refuse('invalid-input', details[0] ?? 'Invalid input.', details);
    }
    // In the encoding the desk detected in the file (it says so in the preview): a Windows-1252 DMS
    // export or a UTF-16 list reads here as it does in a local import.
    const chunks = decodedChunks(req as AsyncIterable<Buffer>, parsed.data.encoding);
    const run = async () => {
      if (op === 'previewVinList') {
        const input = parsed.data as ReturnType<typeof PreviewVinListInput.parse>;
        return stageVinList(app, input, await readVinListStream(chunks, input.fileName));
      }
      const input = parsed.data as ReturnType<typeof PreviewVehiclesInput.parse>;
      const read = await readVehiclesStream(chunks, input.fileName, { mapping: mappingOf(input), conditions: input.conditions, today: todayOf(app) });
      return stageVehicles(app, input, read);
    };
    run().then(
      (data) => ctx.send(200, JSON.stringify({ ok: true, data })),
      (err: unknown) => {
        if (err instanceof ApiError) return refuse(err.code, err.message, err.details);
        const storage = describeStorageError(err);
        if (storage) return refuse('storage', storage);
        console.error(`recall-desk: the upload for ${op} failed: ${(err as Error).stack ?? String(err)}`);
        refuse('internal', `Something went wrong reading the uploaded file; nothing was changed. Details are in the sharing PC's log.`);
      },
    );
  };
}
