/**
 * Whether the page's Content-Security-Policy lets it call an address (connect-src), so
 * Settings can warn before a request is silently blocked. Pure: takes the policy text.
 */
export function connectAllowed(
	address: string,
	policy: string | null,
	pageOrigin: string
): boolean {
	if (!policy) return true;
	const directives = new Map(
		policy.split(';').map((part) => {
			const [name = '', ...sources] = part.trim().split(/\s+/);
			return [name.toLowerCase(), sources] as const;
		})
	);
	const sources = directives.get('connect-src') ?? directives.get('default-src');
	if (!sources) return true;
	let url: URL;
	try {
		url = new URL(address);
	} catch {
		return false;
	}
	return sources.some((source) => sourceMatches(source, url, pageOrigin));
}

function sourceMatches(source: string, url: URL, pageOrigin: string): boolean {
	if (source === "'self'") return url.origin === pageOrigin;
	if (source === '*') return url.protocol === 'http:' || url.protocol === 'https:';
	if (/^[a-z][a-z0-9+.-]*:$/i.test(source)) return url.protocol === source.toLowerCase();
	const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^:/]+)(?::(\d+|\*))?/i.exec(source);
	if (!match) return false;
	const [, scheme, wildcard, host, port] = match;
	if (scheme && `${scheme.toLowerCase()}:` !== url.protocol) return false;
	const hostname = url.hostname.toLowerCase();
	const wanted = host!.toLowerCase();
	const hostOk = wildcard ? hostname.endsWith(`.${wanted}`) : hostname === wanted;
	if (!hostOk) return false;
	if (port === '*') return true;
	const defaultPort = url.protocol === 'https:' ? '443' : '80';
	return (url.port || defaultPort) === (port ?? defaultPort);
}
