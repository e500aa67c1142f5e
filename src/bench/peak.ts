// casus in a child process that reports its peak memory (resident set) on stderr when it ends.
import { processIo } from '../cli/io.js';
import { main } from '../cli/main.js';

const code = await main(process.argv.slice(2), processIo());
process.stderr.write(`\npeak-rss ${process.resourceUsage().maxRSS * 1024}\n`);
process.exitCode = code;
