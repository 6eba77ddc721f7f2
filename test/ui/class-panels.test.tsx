import {afterEach, describe, expect, test} from 'vitest';
import {loadPackaged} from '../../source/cli/packaged.js';
import type {ConfusionData} from '../../source/session/views/confusion.js';
import type {DigitsData} from '../../source/session/views/digits.js';
import {ConfusionPanel} from '../../source/ui/components/ConfusionPanel.js';
import {DigitsPanel} from '../../source/ui/components/DigitsPanel.js';
import {confusionList} from '../../source/ui/confusion.js';
import {halfBlocks} from '../../source/ui/digits.js';
import {textOf} from '../../source/ui/text.js';
import {closeDashboards, CUT_NUMBER, frameAt, openDashboard, panelLines, plain} from '../helpers/ui.js';

afterEach(closeDashboards);

const confusion: ConfusionData = {
	classes: ['setosa', 'versicolor', 'virginica'],
	matrix: [
		[40, 0, 0],
		[0, 1234, 5],
		[0, 12, 33],
	],
	test: false,
	hasTest: true,
	total: 1324,
	right: 1307,
	note: 'inputs standardised: each measurement to mean 0',
};

/** A 28×28 picture: ink in the rows 4 to 11 and the columns 10 to 17, nothing elsewhere. */
function square(): number[] {
	return Array.from({length: 28 * 28}, (_, k) => (Math.floor(k / 28) >= 4 && Math.floor(k / 28) < 12 && k % 28 >= 10 && k % 28 < 18 ? 1 : 0));
}

const digit: DigitsData = {
	sample: 11,
	test: true,
	sampleCount: 2000,
	width: 28,
	height: 28,
	pixels: square(),
	classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
	target: 1,
	outputs: [0.01, 0.2, 0.02, 0.02, 0.02, 0.62, 0.03, 0.03, 0.03, 0.02],
	predicted: 5,
	wrong: {count: 321, previous: 3, next: 17},
};

describe('the confusion matrix', () => {
	test('a grid when it fits: rows the true class, columns the predicted, the diagonal in brackets, counts whole', () => {
		const lines = plain(frameAt(<ConfusionPanel data={confusion} colour={false} width={50} height={12} />, 50)).split('\n');
		expect(lines[0]).toBe('1,307 of 1,324 right · 98.7 %');
		expect(lines[1]).toContain('↓ true class');
		expect(lines[2]).toMatch(/seto\s+vers\s+virg/);
		expect(lines[3]).toMatch(/^ {4}setosa \[ {3}40\] +0 +0 *$/);
		expect(lines[4]).toMatch(/versicolor +0 \[1,234\] +5/);
		expect(lines[5]).toMatch(/virginica +0 +12 \[ {3}33\]/);
		expect(lines.slice(6).join(' ')).toContain('inputs standardised');
	});

	test('too narrow for the grid: a line per true class, right and what it was taken for, parts whole', () => {
		const narrow = plain(frameAt(<ConfusionPanel data={confusion} colour={false} width={30} height={6} />, 30));
		expect(narrow.split('\n').slice(1)).toEqual(['true: right of all · taken as', 'setosa: 40 of 40', 'versicolor: 1,234 of 1,239', 'virginica: 33 of 45']);
		const frame = confusionList(confusion, 44)
			.map(line => textOf(line))
			.join('\n');
		expect(frame).toContain('versicolor: 1,234 of 1,239 · 5 as virginica');
		expect(frame).toContain('virginica: 33 of 45 · 12 as versicolor');
		expect(frame).not.toContain('inputs standardised');
		expect(frame).not.toMatch(CUT_NUMBER);
	});
});

describe('the digits panel', () => {
	test('the picture in half blocks, two pixel rows a line: 28 columns × 14 lines, or halved to fit', () => {
		const full = halfBlocks(digit, 14, 28);
		expect([full.length, full[0]!.length]).toEqual([14, 28]);
		expect(full[2]![10]).toEqual({top: 1, bottom: 1});
		expect(full[1]![10]).toEqual({top: 0, bottom: 0});
		const half = halfBlocks(digit, 7, 28);
		expect([half.length, half[0]!.length]).toEqual([7, 14]);
	});

	test('the verdict, the picture and the outputs beside it when there is room', () => {
		const lines = plain(frameAt(<DigitsPanel data={digit} colour={false} width={70} height={16} />, 70)).split('\n');
		expect(lines[0]).toBe('#12 · test · true 1 · predicted 5 ✗ · 62.0 % · 321 wrong of 2,000');
		expect(lines[3]).toMatch(/^ {10}█{8} /);
		expect(lines.find(line => line.includes('62.0 %') && line.includes('▇'))).toMatch(/^.{30}5 ▇+/);
		expect(lines).toHaveLength(15);
	});

	test('narrow: the outputs under the picture, the predicted class first to stay', () => {
		const lines = plain(frameAt(<DigitsPanel data={digit} colour={false} width={28} height={16} />, 28)).split('\n');
		expect(lines[0]).toBe('#12 · true 1 · predicted 5 ✗');
		expect(lines.at(-1)).toContain('5: 62.0 %');
	});
});

describe('the class panels in the dashboard', () => {
	test('iris: the confusion matrix where it fits, with the species; t switches to the test samples, C hides it', async () => {
		const iris = {name: 'iris' as const, samples: loadPackaged('iris', undefined)};
		const dashboard = await openDashboard(['--preset', 'iris', '--seed', '0', '--paused'], {columns: 120, rows: 40, loaded: {packaged: iris}});
		const frame = await dashboard.until(text => panelLines(text, 'Confusion training').length > 0);
		expect(panelLines(frame, 'Confusion training').join('\n')).toMatch(/setosa \[/);
		const test = await dashboard.press('t', text => panelLines(text, 'Confusion test').length > 0);
		expect(panelLines(test, 'Confusion test')[0]).toMatch(/ of 30 right/);
		await dashboard.press('C', text => !text.includes('Confusion'));
	});

	test('mnist: the digits panel follows the sample, and } steps to the next one the network gets wrong', async () => {
		const digits = {name: 'mnist' as const, samples: loadPackaged('mnist', 60)};
		const dashboard = await openDashboard(['--preset', 'mnist', '--samples', '60', '--seed', '0', '--paused'], {
			columns: 120,
			rows: 40,
			loaded: {packaged: digits},
		});
		const first = await dashboard.until(text => panelLines(text, 'Digits sample #1').length > 0);
		expect(panelLines(first, 'Digits sample #1')[0]).toMatch(/^#1 · true 0 · predicted \d/);
		const next = await dashboard.press('}', text => /Digits sample #([2-9]|\d\d)/.test(text));
		const shown = /Digits sample #(\d+)/.exec(next)![1]!;
		expect(panelLines(next, `Digits sample #${shown}`)[0]).toContain('✗');
		await dashboard.press('>', `Digits sample #${Number(shown) + 1}`);
	});
});
