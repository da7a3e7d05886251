/**
 * The addresses the page may call (Content-Security-Policy `connect-src`), decided at build
 * time. Plain JavaScript so that svelte.config.js can import it in Node.
 *
 * Only the DynamoDB and Bedrock Runtime hosts of the offered regions are listed: a wildcard
 * over amazonaws.com would also admit hosts anyone can own there (S3 buckets, API Gateway),
 * so injected script could send data to them. Loopback (DynamoDB Local, dynalite, test fakes)
 * is allowed only in builds made for local work.
 */

/** Regions offered in Settings; the policy admits exactly these. */
export const OFFERED_REGIONS = Object.freeze([
	'us-east-1',
	'us-east-2',
	'us-west-1',
	'us-west-2',
	'ca-central-1',
	'eu-west-1',
	'eu-west-2',
	'eu-central-1',
	'eu-north-1',
	'ap-south-1',
	'ap-northeast-1',
	'ap-southeast-1',
	'ap-southeast-2',
	'sa-east-1'
]);

const AWS_SERVICES = ['dynamodb', 'bedrock-runtime'];
const LOOPBACK = ['http://127.0.0.1:*', 'http://localhost:*'];
/** Domains where anyone can own a subdomain: never behind a wildcard. */
const SHARED_DOMAINS = /(^|\.)(amazonaws\.com|on\.aws|cloudfront\.net)$/;

/**
 * @param {{ local: boolean, extra: string }} options `local`: a build for this computer
 *   (`npm start`, `npm run dev:aws`, tests); `extra`: INVOICELAB_CONNECT_SRC.
 * @returns {string[]}
 */
export function connectSources({ local, extra }) {
	const aws = OFFERED_REGIONS.flatMap((region) =>
		AWS_SERVICES.map((service) => `https://${service}.${region}.amazonaws.com`)
	);
	return ['self', ...aws, ...(local ? LOOPBACK : []), ...parseExtraConnectSources(extra)];
}

/**
 * Reads INVOICELAB_CONNECT_SRC: origins separated by spaces, each `http(s)://host[:port]`,
 * the host optionally `*.` and a domain of its own. Anything else stops the build, so a typo
 * can never open the policy (a `;` would start a new directive, a quote a keyword).
 * @param {string} text
 * @returns {string[]}
 */
export function parseExtraConnectSources(text) {
	return text
		.split(/\s+/)
		.filter(Boolean)
		.map((source) => {
			const refuse = (/** @type {string} */ why) => {
				throw new Error(`INVOICELAB_CONNECT_SRC: "${source}" ${why}`);
			};
			if (source.includes(';')) refuse('contains ";", which would start another directive');
			if (/['"]/.test(source)) refuse('contains a quote; only origins are allowed');
			const match = /^(https?):\/\/([^/:@,]+)(:\d{1,5})?\/?$/.exec(source);
			if (!match) {
				if (source.includes('*')) refuse('has a wildcard; only a leading "*." is allowed');
				refuse('is not an origin such as https://ddb.example.org or http://10.0.0.5:8000');
			}
			const [, scheme = '', host = '', port = ''] = /** @type {RegExpExecArray} */ (match);
			if (host.includes('*')) {
				const domain = host.slice(2);
				if (!host.startsWith('*.') || domain.includes('*') || !domain.includes('.')) {
					refuse('has a wildcard; only a leading "*." before a domain of yours is allowed');
				}
				if (SHARED_DOMAINS.test(domain)) {
					refuse('has a wildcard over a domain where anyone can own a host');
				}
			}
			return `${scheme}://${host}${port}`;
		});
}
