// Fails fast, with the fix, when the browser or the build is missing.
import fs from 'node:fs';
import path from 'node:path';

export default function globalSetup() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    throw new Error(`No Chromium at ${chromium}. Install Debian's: sudo apt-get install chromium (or set CHROMIUM_PATH). Never "npx playwright install".`);
  }
  if (!process.env.PATH?.split(path.delimiter).some((d) => fs.existsSync(path.join(d, 'pdftotext')))) {
    throw new Error("No pdftotext: install Debian's poppler-utils (sudo apt-get install poppler-utils); the tests read printed reports back with it.");
  }
  if (!fs.existsSync(path.resolve(import.meta.dirname, '..', '..', 'dist', 'main', 'cli.cjs'))) {
    throw new Error('The app is not built: run npm run build (npm test does it first).');
  }
}
