/** RFC 4180 CSV, with cells that spreadsheets would run as formulas defused. */
export function toCsv(
	header: readonly string[],
	rows: readonly (readonly (string | number)[])[]
): string {
	return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string | number): string {
	let text = String(value);
	const isPlainNumber = /^-?\d+(\.\d+)?$/.test(text);
	if (!isPlainNumber && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
