// The casus program: the real process around main(), bundled into dist/cli/casus.cjs and started by bin.ts.
import { processIo } from './io.js';
import { main } from './main.js';
import { abandonUnfinishedOutputs } from './output.js';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
// an interrupted run removes its temporary output, so --out keeps the old file
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.on(signal, () => {
    abandonUnfinishedOutputs();
    process.exit(code);
  });
}
main(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
