// Sums the gzip size of the JavaScript that web/dist/index.html loads before anything else:
// its entry script and every module it preloads. The public catalogue must stay under budget.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import { gzipSync } from 'node:zlib';

const budgetKb = 250;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');

const scripts = [
  ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
].map((match) => match[1]);

let total = 0;
for (const script of new Set(scripts)) {
  const bytes = readFileSync(path.join(dist, script.replace(/^\//, '')));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  total += gzipped;
  process.stdout.write(`${(gzipped / 1024).toFixed(1).padStart(8)} KB  ${script}\n`);
}
process.stdout.write(
  `${(total / 1024).toFixed(1).padStart(8)} KB  total gzip (budget ${budgetKb} KB)\n`,
);
if (total > budgetKb * 1024) {
  process.stderr.write('over budget\n');
  process.exit(1);
}
