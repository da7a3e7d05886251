/**
 * The VAT category of an invoice line (EN 16931 UNCL5305 codes, BT-151): how its tax is
 * treated, and the note the law wants printed when no VAT is charged. Pure.
 */
export const VAT_CATEGORIES = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O'] as const;
export type VatCategory = (typeof VAT_CATEGORIES)[number];

export const VAT_CATEGORY_WORDS: Record<VatCategory, string> = {
	S: 'Standard rate',
	Z: 'Zero rate',
	E: 'Exempt',
	AE: 'Reverse charge',
	K: 'Intra-community supply',
	G: 'Export outside the EU',
	O: 'Not subject to VAT'
};

/**
 * The note printed (and sent as the exemption reason, BT-120) when the user gives none.
 * Exempt has none: the reason (the law's article) is the user's to name.
 */
export const DEFAULT_EXEMPTION: Partial<Record<VatCategory, string>> = {
	AE: 'Reverse charge: VAT to be accounted for by the recipient',
	K: 'Intra-community supply exempt from VAT',
	G: 'Export outside the EU exempt from VAT',
	O: 'Not subject to VAT'
};

/** The categories that charge no VAT and must say why on the invoice. */
export function needsExemptionNote(category: VatCategory): boolean {
	return category !== 'S' && category !== 'Z';
}

/**
 * A line's category: the chosen one, else standard when it is taxed. An untaxed line without
 * one has none (null): zero-rated, exempt and reverse charge differ in law, so the user picks.
 */
export function vatCategoryOf(line: {
	taxCategory?: VatCategory;
	taxRate: number;
}): VatCategory | null {
	return line.taxCategory ?? (line.taxRate > 0 ? 'S' : null);
}

/** The exemption notes an invoice prints, each once, in the order of its lines. */
export function exemptionNotes(
	lines: readonly { taxCategory?: VatCategory; taxRate: number; taxExemption?: string }[]
): string[] {
	const notes = lines.flatMap((line) => {
		const category = vatCategoryOf(line);
		if (!category || !needsExemptionNote(category)) return [];
		const note = line.taxExemption?.trim() || DEFAULT_EXEMPTION[category];
		return note ? [note] : [];
	});
	return [...new Set(notes)];
}
