#!/usr/bin/env node
// npx recall-desk: runs the built CLI (npm install builds it through the prepare script).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'main', 'cli.cjs');
if (!fs.existsSync(cli)) {
  console.error('Recall Desk is not built yet: run "npm run build" in ' + path.dirname(__dirname) + '.');
  process.exit(2);
}
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 14)) {
  console.error(
    `Recall Desk needs Node.js 22.14 or later; this is ${process.versions.node}. Run it through npm (npx recall-desk, npm run serve), which uses the project's own Node 22.`,
  );
  process.exit(2);
}
require(cli);
