// Serves the static build the way a plain static host would: files only, no SPA rewrites,
// with the response headers of its `_headers` file (as Netlify and Cloudflare Pages do).
// BASE_PATH serves it under a sub-path (e.g. /apps/invoicelab/) to prove it works there too.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/** `_headers` rules: a path pattern (`*` matches anything) and the headers it adds. */
function readHeaderRules(dir) {
	const file = `${dir}/_headers`;
	if (!existsSync(file)) return [];
	const rules = [];
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			const pattern = line
				.trim()
				.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
				.replace(/\*/g, '.*');
			rules.push({ path: new RegExp(`^${pattern}$`), headers: [] });
		} else {
			const [name, ...value] = line.trim().split(':');
			rules.at(-1)?.headers.push([name.trim(), value.join(':').trim()]);
		}
	}
	return rules;
}

export function startStaticServer({ dir, host = '127.0.0.1', port = 4173, basePath = '/' }) {
	const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
	const files = sirv(dir, { dev: false, etag: true, dotfiles: false, single: false });
	const rules = readHeaderRules(dir);
	const server = createServer((req, res) => {
		if (!req.url.startsWith(base)) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
			return;
		}
		req.url = `/${req.url.slice(base.length)}`;
		const path = req.url.split('?')[0];
		if (path === '/_headers') {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
			return;
		}
		for (const rule of rules) {
			if (rule.path.test(path))
				for (const [name, value] of rule.headers) res.setHeader(name, value);
		}
		files(req, res, () => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'));
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve(server));
	});
}

/**
 * Listens on `port`, or on the next free one when it is taken (another `npm start`, say), so
 * a second server never crashes with EADDRINUSE. Returns the port it got.
 */
export async function listenNearby(listen, port, what) {
	for (let candidate = port; candidate < port + 20; candidate++) {
		try {
			await listen(candidate);
			if (candidate !== port) console.log(`Port ${port} is busy; ${what} uses ${candidate}.`);
			return candidate;
		} catch (error) {
			if (error?.code !== 'EADDRINUSE') throw error;
		}
	}
	console.error(`Ports ${port}–${port + 19} are all busy: stop another server or set PORT.`);
	process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const port = Number(process.env.PORT ?? 4173);
	const basePath = process.env.BASE_PATH ?? '/';
	const dir = fileURLToPath(new URL('../build', import.meta.url));
	const got = await listenNearby(
		(candidate) => startStaticServer({ dir, port: candidate, basePath }),
		port,
		'InvoiceLab'
	);
	console.log(`InvoiceLab (local-only) at http://127.0.0.1:${got}${basePath}`);
}
