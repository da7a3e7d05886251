import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	currencyDecimals,
	formatMoney,
	minorToDecimalString,
	MONEY_LIMIT_MAJOR,
	mulDivRound,
	mulDivRoundBig,
	parseMoney,
	withinMoneyLimit
} from './money';

describe('currencyDecimals', () => {
	it('knows JPY 0, USD 2, BHD 3', () => {
		expect(currencyDecimals('JPY')).toBe(0);
		expect(currencyDecimals('USD')).toBe(2);
		expect(currencyDecimals('BHD')).toBe(3);
	});
});

describe('mulDivRound', () => {
	it('rounds half away from zero', () => {
		expect(mulDivRound(5, 1, 10)).toBe(1);
		expect(mulDivRound(-5, 1, 10)).toBe(-1);
		expect(mulDivRound(4, 1, 10)).toBe(0);
		expect(mulDivRound(15, 1, 10)).toBe(2);
		expect(mulDivRound(-25, 1, 10)).toBe(-3);
	});
	it('stays exact beyond 2^53 intermediates', () => {
		expect(mulDivRound(9_000_000_000, 9_000_000_000, 9_000_000_000)).toBe(9_000_000_000);
	});
	it('gives the same as exact BigInt arithmetic for any integers, fast path or not', () => {
		const near = (limit: number) =>
			fc.oneof(
				fc.integer({ min: -1000, max: 1000 }),
				fc.integer({ min: -limit, max: limit }),
				fc.constantFrom(limit, -limit, limit - 1, 2 ** 26, -(2 ** 26) - 1)
			);
		const factor = near(Number.MAX_SAFE_INTEGER);
		const divisor = near(Number.MAX_SAFE_INTEGER).filter((c) => c !== 0);
		fc.assert(
			fc.property(factor, factor, divisor, (a, b, c) => {
				expect(mulDivRound(a, b, c)).toBe(mulDivRoundBig(a, b, c));
			}),
			{ numRuns: 5000 }
		);
	});
});

describe('parseMoney', () => {
	it('parses per currency decimals', () => {
		expect(parseMoney('12.34', 'USD')).toBe(1234);
		expect(parseMoney('1,234.5', 'USD')).toBe(123450);
		expect(parseMoney('-3', 'USD')).toBe(-300);
		expect(parseMoney('1000', 'JPY')).toBe(1000);
		expect(parseMoney('1.5', 'JPY')).toBeNull();
		expect(parseMoney('1.234', 'BHD')).toBe(1234);
		expect(parseMoney('abc', 'USD')).toBeNull();
		expect(parseMoney('', 'USD')).toBeNull();
		expect(parseMoney('.5', 'USD')).toBe(50);
	});
	it('round-trips through minorToDecimalString', () => {
		for (const [minor, currency] of [
			[1234, 'USD'],
			[-5, 'USD'],
			[7, 'JPY'],
			[1, 'BHD']
		] as const) {
			expect(parseMoney(minorToDecimalString(minor, currency), currency)).toBe(minor);
		}
	});
});

describe('formatMoney', () => {
	it('formats in the currency', () => {
		expect(formatMoney(123456, 'USD', 'en-US')).toBe('$1,234.56');
		expect(formatMoney(1000, 'JPY', 'en-US')).toBe('¥1,000');
		expect(formatMoney(1234, 'BHD', 'en-US')).toMatch(/1\.234/);
		expect(formatMoney(-50, 'EUR', 'de-DE')).toMatch(/-0,50/);
	});
});

describe('withinMoneyLimit', () => {
	it('takes up to 10^12 in major units either way, in each currency minor units', () => {
		expect(withinMoneyLimit(100_000_000_000_000, 'EUR')).toBe(true);
		expect(withinMoneyLimit(100_000_000_000_001, 'EUR')).toBe(false);
		expect(withinMoneyLimit(-100_000_000_000_001, 'EUR')).toBe(false);
		expect(withinMoneyLimit(1_000_000_000_001, 'JPY')).toBe(false);
		expect(withinMoneyLimit(1_000_000_000_000_000, 'BHD')).toBe(true);
		expect(MONEY_LIMIT_MAJOR).toBe(1e12);
	});
});
