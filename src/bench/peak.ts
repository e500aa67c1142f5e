// Loaded with `node --import` before casus: reports the process's peak memory (resident set) on stderr when it ends.
process.on('exit', () => {
  process.stderr.write(`\npeak-rss ${process.resourceUsage().maxRSS * 1024}\n`);
});
