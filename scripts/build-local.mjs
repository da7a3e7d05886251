// A build for this computer (`npm start`, `npm run dev:aws`, tests): the deploy build plus
// loopback endpoints (DynamoDB Local, dynalite, test fakes) in the page's connect-src.
// Deploy only what `npm run build` makes. Vite's output (sizes, plugin timings, "npm run
// preview") is shown only when the build fails: a user needs the URL, not a report.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
process.stdout.write('Building InvoiceLab… ');
const result = spawnSync(process.execPath, [vite, 'build'], {
	env: { ...process.env, INVOICELAB_LOCAL_BUILD: '1' },
	encoding: 'utf8'
});
if (result.status !== 0) {
	console.log('failed:');
	console.error(result.stdout, result.stderr);
	process.exit(result.status ?? 1);
}
console.log('done.');
