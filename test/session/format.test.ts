import {describe, expect, test} from 'vitest';
import {formatCount, formatDuration, formatFit, formatNumber, formatSigned, formatSpeed, plural} from '../../source/session/format.js';

/** A small seeded generator (mulberry32), so that a failure is found again. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d_2b_79_f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** The place value of the last digit the text shows: 1.23e-5 → 1e-7, 0.0012 → 1e-4, 12 → 1. */
function lastDigit(text: string): number {
	const [mantissa = '', exponent = '0'] = text.replace(/^[+-]/, '').split('e');
	const decimals = mantissa.split('.')[1]?.length ?? 0;
	return 10 ** (Number(exponent) - decimals);
}

describe('formatFit: a property over magnitudes from 1e-300 to 1e+300, both signs, widths 9 to 14', () => {
	const random = seeded(20_240_611);
	const cases = Array.from({length: 20_000}, () => {
		const magnitude = 10 ** (-300 + random() * 600);
		const x = (random() < 0.5 ? -1 : 1) * magnitude;
		const width = 9 + Math.floor(random() * 6);
		const signed = random() < 0.25;
		return {x, width, signed};
	});
	// and the edges where the form or the digits change
	for (const x of [1e-300, 1e300, 9.999_999e299, 1.000_001e-300, 999_999.5, 999_999.4, 0.001, 0.000_999_999_9, 1e6, 123_456.789, 1, 0.5, 9.999_995, 5e-5]) {
		for (let width = 9; width <= 14; width++) {
			cases.push({x, width, signed: false}, {x: -x, width, signed: false}, {x, width, signed: true});
		}
	}

	test('fits, reads back within the precision it shows, has at least one digit and never an ellipsis', () => {
		const failures: string[] = [];
		for (const {x, width, signed} of cases) {
			const text = formatFit(x, width, 6, signed);
			const back = Number(text);
			const error = Math.abs(back - x);
			const allowed = lastDigit(text) / 2 + Math.abs(x) * 4 * Number.EPSILON;
			const ok =
				text.length <= width &&
				!text.includes('…') &&
				/\d/.test(text) &&
				Number.isFinite(back) &&
				Math.sign(back) === Math.sign(x) &&
				error <= allowed &&
				(!signed || text.startsWith('+') === x > 0);
			if (!ok) {
				failures.push(`formatFit(${x}, ${width}${signed ? ', signed' : ''}) = '${text}'`);
			}
		}

		expect(failures.slice(0, 10)).toEqual([]);
	});

	test('it uses the room it has: the most digits that fit, up to the digits asked for', () => {
		expect(formatFit(1.234_567_89e-100, 14)).toBe('1.23457e-100');
		expect(formatFit(1.234_567_89e-100, 9)).toBe('1.23e-100');
		expect(formatFit(-1.234_567_89e-100, 9)).toBe('-1.2e-100');
		expect(formatFit(-1.234_567_89e-100, 7)).toBe('-1e-100');
		expect(formatFit(0.123_456_789, 9)).toBe('0.123457');
		expect(formatFit(0.123_456_789, 6)).toBe('0.1235');
		expect(formatFit(123_456.789, 9)).toBe('123457');
		expect(formatFit(Math.PI, 14, 3)).toBe('3.14');
	});

	test('not numbers', () => {
		expect(formatFit(undefined, 9)).toBe('–');
		expect(formatFit(Number.NaN, 9)).toBe('NaN');
		expect(formatFit(Number.NEGATIVE_INFINITY, 9)).toBe('-Infinity');
		expect(formatFit(0, 9)).toBe('0');
	});
});

describe('formatNumber', () => {
	test.each<[number | undefined, number, string]>([
		[0.2, 6, '0.200000'],
		[0.001, 4, '0.001000'],
		[0.000_99, 4, '9.900e-4'],
		[123_456.7, 6, '123457'],
		[999_999.4, 6, '999999'],
		// rounds up to a million: exponent form, decided after rounding
		[999_999.6, 4, '1.000e+6'],
		[1e6, 4, '1.000e+6'],
		[-0.5, 3, '-0.500'],
		[1.21e-5, 4, '1.210e-5'],
		[0, 4, '0'],
		[undefined, 4, '–'],
		[Number.NaN, 4, 'NaN'],
		[Number.POSITIVE_INFINITY, 4, 'Infinity'],
	])('formatNumber(%d, %i) = %s', (x, digits, text) => {
		expect(formatNumber(x, digits)).toBe(text);
	});

	test('formatSigned puts + on positive numbers only', () => {
		expect(formatSigned(0.5, 2)).toBe('+0.50');
		expect(formatSigned(-0.5, 2)).toBe('-0.50');
		expect(formatSigned(0, 2)).toBe('0');
	});
});

describe('the other formats', () => {
	test('formatCount and plural', () => {
		expect(formatCount(80_000)).toBe('80,000');
		expect(formatCount(1234.6)).toBe('1,235');
		expect(plural(1, 'sample')).toBe('1 sample');
		expect(plural(2000, 'sample')).toBe('2,000 samples');
		expect(plural(2, 'matrix', 'matrices')).toBe('2 matrices');
	});

	test('formatDuration', () => {
		expect(formatDuration(423)).toBe('0.42 s');
		expect(formatDuration(1234)).toBe('1.23 s');
		expect(formatDuration(12_340)).toBe('12.3 s');
		expect(formatDuration(59_940)).toBe('59.9 s');
		expect(formatDuration(65_000)).toBe('1 min 05 s');
		expect(formatDuration(3_600_000)).toBe('60 min 00 s');
	});

	test('formatSpeed', () => {
		expect(formatSpeed(10_000)).toBe('10,000/s');
		expect(formatSpeed(Number.POSITIVE_INFINITY)).toBe('max');
	});
});
