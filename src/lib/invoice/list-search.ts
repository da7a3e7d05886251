import {
	filterRows,
	otherFilters,
	termsOf,
	type InvoiceQuery,
	type InvoiceRow
} from './list-query';

/** Between rows in `SearchText`: search terms never hold it (they are split on whitespace). */
const ROW_END = '\u0000';

/**
 * Every row's search text in one string, in list order: a term is found with a few `indexOf`
 * calls over the whole list instead of one `includes` per row, fast enough for the first
 * keystroke at 100,000 rows.
 */
export class SearchText {
	readonly #text: string;
	/** Where each row's text starts; one more entry marks the end. */
	readonly #starts: Int32Array;

	constructor(haystacks: readonly string[]) {
		this.#starts = new Int32Array(haystacks.length + 1);
		let at = 0;
		haystacks.forEach((haystack, row) => {
			this.#starts[row] = at;
			at += haystack.length + ROW_END.length;
		});
		this.#starts[haystacks.length] = at;
		this.#text = haystacks.join(ROW_END) + ROW_END;
	}

	/** The positions, ascending, of the rows whose text contains `term`. */
	rowsContaining(term: string): number[] {
		if (term.includes(ROW_END)) {
			return this.#rows().filter((row) => this.#rowText(row).includes(term));
		}
		const found: number[] = [];
		// Matches come in order, so the row holding each one is found by walking forward.
		let row = 0;
		for (let at = this.#text.indexOf(term); at !== -1;) {
			while (this.#start(row + 1) <= at) row++;
			found.push(row);
			at = this.#text.indexOf(term, this.#start(row + 1));
		}
		return found;
	}

	#rows(): number[] {
		return Array.from({ length: this.#starts.length - 1 }, (_, row) => row);
	}

	#rowText(row: number): string {
		return this.#text.slice(this.#start(row), this.#start(row + 1) - ROW_END.length);
	}

	#start(row: number): number {
		return this.#starts[row] ?? this.#text.length;
	}
}

/** Earlier texts whose results are kept for one list and one set of other filters. */
const KEPT_RESULTS = 64;
/** A kept result this short is filtered row by row; a longer one goes to `SearchText`. */
const ROW_BY_ROW = 2_000;

/**
 * `filterRows` for a list searched as the user types. A text that extends an earlier one
 * (lower-cased) can only match rows the earlier one matched, so a short earlier result is
 * filtered row by row; otherwise the longest word is looked up in the list's `SearchText`
 * and only those rows are tested. Deleting back returns the result kept for that text. Any
 * other change (the list, the sort, another filter) starts again from the whole list.
 */
export class IncrementalFilter {
	readonly #rowByRow: number;
	#rows: readonly InvoiceRow[] | null = null;
	#text: SearchText | null = null;
	#others = '';
	#results = new Map<string, InvoiceRow[]>();

	constructor({ rowByRow = ROW_BY_ROW } = {}) {
		this.#rowByRow = rowByRow;
	}

	filter(rows: readonly InvoiceRow[], query: InvoiceQuery): InvoiceRow[] {
		const { text, ...others } = query;
		const othersKey = JSON.stringify(others);
		if (rows !== this.#rows) {
			this.#rows = rows;
			this.#text = null;
			this.#results.clear();
		}
		if (othersKey !== this.#others) {
			this.#others = othersKey;
			this.#results.clear();
		}
		const key = text.toLowerCase();
		const kept = this.#results.get(key);
		if (kept) {
			// Most recently used last: the empty text, reached after each deleted word, stays.
			this.#results.delete(key);
			this.#results.set(key, kept);
			return kept;
		}
		const result = this.#filter(rows, query, this.#narrowest(key));
		if (this.#results.size >= KEPT_RESULTS) {
			this.#results.delete(this.#results.keys().next().value as string);
		}
		this.#results.set(key, result);
		return result;
	}

	#filter(
		rows: readonly InvoiceRow[],
		query: InvoiceQuery,
		narrowest: readonly InvoiceRow[] | undefined
	): InvoiceRow[] {
		const terms = termsOf(query.text);
		if (narrowest && narrowest.length <= this.#rowByRow) return filterRows(narrowest, query);
		if (terms.length === 0) return filterRows(rows, query);
		const longest = terms.reduce((a, b) => (b.length > a.length ? b : a));
		const rest = terms.filter((term, i) => i !== terms.indexOf(longest));
		this.#text ??= new SearchText(rows.map((row) => row.haystack));
		const passes = otherFilters(query);
		const found: InvoiceRow[] = [];
		for (const position of this.#text.rowsContaining(longest)) {
			const row = rows[position] as InvoiceRow;
			if (!passes(row)) continue;
			if (rest.length === 0 || rest.every((term) => row.haystack.includes(term))) found.push(row);
		}
		return found;
	}

	/** The kept result of the longest earlier text that `key` extends. */
	#narrowest(key: string): InvoiceRow[] | undefined {
		let narrowest: InvoiceRow[] | undefined;
		let longest = -1;
		for (const [earlier, result] of this.#results) {
			if (earlier.length > longest && key.startsWith(earlier)) {
				narrowest = result;
				longest = earlier.length;
			}
		}
		return narrowest;
	}
}
