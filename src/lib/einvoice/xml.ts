/** Just enough XML writing for the e-invoice syntaxes: escaped text, no empty elements. Pure. */

export function escapeXml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!
	);
}

type Attributes = Record<string, string | undefined>;

function attributes(attrs: Attributes | undefined): string {
	return Object.entries(attrs ?? {})
		.filter(([, value]) => value !== undefined)
		.map(([name, value]) => ` ${name}="${escapeXml(value!)}"`)
		.join('');
}

/** An element holding text, or nothing when there is no text. */
export function leaf(name: string, text: string | undefined, attrs?: Attributes): string {
	if (text === undefined || text === '') return '';
	return `<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>\n`;
}

/** An element holding other elements, or nothing when they are all absent. */
export function node(name: string, ...children: (string | false | undefined)[]): string {
	const inner = children.filter(Boolean).join('');
	return inner ? `<${name}>\n${inner}</${name}>\n` : '';
}

/** The document element with its namespaces, always written. */
export function root(
	name: string,
	namespaces: Attributes,
	...children: (string | false | undefined)[]
): string {
	const inner = children.filter(Boolean).join('');
	return `<?xml version="1.0" encoding="UTF-8"?>\n<${name}${attributes(namespaces)}>\n${inner}</${name}>\n`;
}
