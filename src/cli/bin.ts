#!/usr/bin/env node
// The casus executable: the real process around main().
import { processIo } from './io.js';
import { main } from './main.js';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2), processIo());
