/**
 * The official EN 16931 rules (../shared/validators/en16931, see its README), typed for the
 * tests. Loaded by URL rather than a static import, so the type checker does not check the
 * shared script itself.
 */
export interface RuleFailure {
	id: string;
	text: string;
	location: string;
}

export interface Validation {
	syntax: 'cii' | 'ubl';
	fatal: RuleFailure[];
	warnings: RuleFailure[];
}

const VALIDATOR = new URL('../../../../shared/validators/en16931/validate.mjs', import.meta.url);

const validator = (await import(/* @vite-ignore */ VALIDATOR.href)) as {
	validateEn16931: (xml: string) => Validation;
};

/** Runs every EN 16931 rule over one CII or UBL document (1–3 s each). */
export const validateEn16931 = validator.validateEn16931;

/** The fatal failures, as "BR-CO-15: text" lines. */
export function fatalRules(xml: string): string[] {
	return validateEn16931(xml).fatal.map((failure) => `${failure.id}: ${failure.text}`);
}
