import { describe, expect, it } from 'vitest';
import { printable, quote } from './quote';

describe('quoting a value in a message', () => {
	it('keeps a short value as it is', () => {
		expect(quote('paid')).toBe('"paid"');
		expect(quote('Łódź 東京 👋🏽')).toBe('"Łódź 東京 👋🏽"');
	});

	it('cuts a long value at 60 characters with an ellipsis, whatever its size', () => {
		const quoted = quote('x'.repeat(5_000_000));
		expect(quoted).toBe(`"${'x'.repeat(60)}…"`);
		expect(quote('y'.repeat(60))).toBe(`"${'y'.repeat(60)}"`);
	});

	it('never splits a character made of two UTF-16 units', () => {
		expect(quote('😀'.repeat(100))).toBe(`"${'😀'.repeat(60)}…"`);
	});

	it('shows no control, format or private characters (binary garbage, bidi overrides)', () => {
		expect(quote('a\u0000b\u001b[31mc\u007f\u0085\u202edcba\ue000\ud800')).toBe(
			'"a\ufffdb\ufffd[31mc\ufffd\ufffd\ufffddcba\ufffd\ufffd"'
		);
		expect(printable('line\nbreak\u2028here', 100)).toBe('line\ufffdbreak\ufffdhere');
	});
});
