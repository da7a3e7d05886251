// Serves the static build the way any plain static host would: files only, no SPA rewrites.
// BASE_PATH serves it under a sub-path (e.g. /apps/invoicelab/) to prove it works there too.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

export function startStaticServer({ dir, host = '127.0.0.1', port = 4173, basePath = '/' }) {
	const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
	const files = sirv(dir, { dev: false, etag: true, dotfiles: false, single: false });
	const server = createServer((req, res) => {
		if (!req.url.startsWith(base)) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
			return;
		}
		req.url = `/${req.url.slice(base.length)}`;
		files(req, res, () => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'));
	});
	return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const port = Number(process.env.PORT ?? 4173);
	const basePath = process.env.BASE_PATH ?? '/';
	const dir = fileURLToPath(new URL('../build', import.meta.url));
	await startStaticServer({ dir, port, basePath });
	console.log(`InvoiceLab (local-only) at http://127.0.0.1:${port}${basePath}`);
}
