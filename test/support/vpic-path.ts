// One unpacked vPIC database for every test (74 MB; unpacking it is tested in test/service). No test
// runner is imported here, so vitest, Playwright and the benches can all use it.
import os from 'node:os';
import path from 'node:path';

export const SHARED_VPIC = path.join(os.tmpdir(), 'recall-desk-test-vpic', 'vpic.sqlite');
