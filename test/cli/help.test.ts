import {describe, expect, test} from 'vitest';
import {FLAGS, type Flag} from '../../source/cli/flags.js';
import {helpText, wrap} from '../../source/cli/help.js';

const columns = (line: string) => [...line].length;

describe('helpText', () => {
	const text = helpText();
	const lines = text.split('\n');

	test('no line is over 80 columns (counted in characters, μ and λ one each)', () => {
		const long = lines.filter(line => columns(line) > 80);
		expect(long).toEqual([]);
	});

	test.each((FLAGS as readonly Flag[]).map(spec => [spec.name, spec] as const))('lists --%s with its value and help', (name, spec) => {
		const row = lines.findIndex(line => new RegExp(`^  --${name}(?:,|\\s|$)`).test(line));
		expect(row, `--${name} is not listed`).toBeGreaterThan(-1);
		if (spec.value) {
			expect(lines[row]).toContain(`--${name} ${spec.value}`);
		}

		if (spec.negatable) {
			expect(lines[row]).toContain(`--no-${name}`);
		}

		// the help text, wrapped, is the text of this row and the ones under it
		const words = lines
			.slice(row, row + 4)
			.join(' ')
			.replace(/\s+/g, ' ');
		expect(words).toContain(spec.help.split(' ').slice(0, 3).join(' '));
	});

	test("the usage lines' summaries start in one column (exercise and lesson were 2 columns left)", () => {
		const usage = lines.slice(1, lines.indexOf(''));
		expect(usage.map(line => line.trimStart().split(/ {2,}/)[1])).toEqual([
			'the dashboard: watch it train, step by keypress',
			'train to the end, then print a summary',
			'one iteration by hand: questions, checked',
			'a lesson, step by step (--list: the built-in ones)',
		]);
		const summaryColumns = usage.map(line => line.length - line.trimStart().split(/ {2,}/)[1]!.length);
		expect(new Set(summaryColumns)).toEqual(new Set([30]));
	});

	test('flags in FLAGS order, grouped under their group headings', () => {
		const listed = lines.flatMap(line => /^ {2}--([a-z0-9-]+)/.exec(line)?.[1] ?? []).filter(name => name !== 'help' && name !== 'version');
		expect(listed).toEqual(FLAGS.map(spec => spec.name));
		for (const group of new Set(FLAGS.map(spec => spec.group))) {
			expect(lines).toContain(group);
		}
	});

	test('--help, -h and --version are listed too', () => {
		expect(text).toMatch(/^ {2}--help, -h\s+this text$/m);
		expect(text).toMatch(/^ {2}--version\s+the version$/m);
	});

	test('help texts line up in one column', () => {
		const starts = new Set(lines.filter(line => /^ {2}--\S+.* {2,}\S/.test(line)).map(line => /^( {2}--.*? {2,})\S/.exec(line)![1]!.length));
		expect([...starts]).toEqual([26]);
	});
});

describe('wrap', () => {
	test('breaks at spaces, never over the width', () => {
		const text = 'the quick brown fox jumps over the lazy dog again and again';
		const lines = wrap(text, 16);
		expect(lines.every(line => line.length <= 16)).toBe(true);
		expect(lines.join(' ')).toBe(text);
		expect(lines.length).toBeGreaterThan(3);
	});

	test('a word longer than the width stands alone, whole', () => {
		expect(wrap('a incomprehensibilities b', 10)).toEqual(['a', 'incomprehensibilities', 'b']);
	});
});
