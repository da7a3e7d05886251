/**
 * The built app on a static host of its own (a loopback port the system picks) where a test
 * plays a deploy: the host starts serving the next version's service worker, then drops the
 * old hashed files, as a host does once a new build replaces the old one. The "next version"
 * is the same build with another version name, which is all a browser goes by. Node only.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface DeployHost {
	/** The app's address, ending in `/`. */
	url: string;
	/** Serves the worker of the next version from now on; returns both version names. */
	deployWorker(): Promise<{ version: string; next: string }>;
	/** Answers 404 for every file under `_app/immutable/` from now on. */
	dropOldFiles(): void;
	close(): Promise<void>;
}

export async function startDeployHost(dir: string): Promise<DeployHost> {
	const files = sirv(dir, { dev: false, etag: true, dotfiles: false, single: false });
	const notFound = (res: ServerResponse) => {
		res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
	};
	let worker: string | undefined;
	let dropped = false;
	const server = createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://host').pathname;
		if (worker !== undefined && path === '/service-worker.js') {
			res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-cache' });
			res.end(worker);
		} else if (dropped && path.startsWith('/_app/immutable/')) notFound(res);
		else files(req, res, () => notFound(res));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/`,
		async deployWorker() {
			const { version } = JSON.parse(await readFile(`${dir}/_app/version.json`, 'utf8')) as {
				version: string;
			};
			const next = `${version}-next`;
			worker = (await readFile(`${dir}/service-worker.js`, 'utf8')).replaceAll(version, next);
			return { version, next };
		},
		dropOldFiles() {
			dropped = true;
		},
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
