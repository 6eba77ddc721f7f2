import {afterEach, describe, expect, test} from 'vitest';
import {formatChange, formatGradient, formatWeight} from '../../source/session/format.js';
import type {Window} from '../../source/session/views/context.js';
import type {WeightRow} from '../../source/session/views/weights.js';
import {WeightsTable} from '../../source/ui/components/WeightsTable.js';
import {summariseLayers} from '../../source/ui/diagram.js';
import {closeDashboards, frameAt, KEY, lineWith, openDashboard, panelLines, plain} from '../helpers/ui.js';

afterEach(closeDashboards);

/** The number after the last `= ` of the chain's line that starts with `label` (and its wrapped rest). */
function chainValue(frame: string, label: string): string {
	const lines = panelLines(frame, 'Chain of');
	const start = lines.findIndex(text => text.startsWith(label));
	if (start < 0) {
		throw new Error(`no chain line ${label} in\n${frame}`);
	}

	const rest = lines.slice(start + 1).findIndex(text => /^\S/.test(text));
	const text = lines.slice(start, rest < 0 ? undefined : start + 1 + rest).join(' ');
	return text.slice(text.lastIndexOf('= ') + 2).trim();
}

/** The value, change and gradient cells of the weights table's row of `name`. */
function tableRow(frame: string, name: string, lines = panelLines(frame, 'Weights')): {value: string; change: string; gradient: string} {
	const row = lines.find(line => line.startsWith(`${name} `));
	if (!row) {
		throw new Error(`no row ${name} in\n${frame}`);
	}

	const cells = row.trim().split(/\s+/);
	const [value, change, gradient] = cells.slice(-3) as [string, string, string];
	return {value, change, gradient};
}

/** The number after `label` on the line that has it. */
const after = (line: string, label: string) => line.slice(line.indexOf(label) + label.length).split(/[\s,)]/)[0]!;

/** Lines where a formula's `−` and a number's `-` meet. */
const twoMinusSigns = (lines: readonly string[]) => lines.filter(line => line.includes('−') && line.includes('-'));

describe('one formatter a quantity: the same number reads the same on every panel', () => {
	for (const [columns, rows] of [
		[80, 24],
		[120, 40],
	] as const) {
		test(`the tutorial at ${columns}×${rows}: error, gradient and change alike in the status, samples, table, chain and phase walk`, async () => {
			const dashboard = await openDashboard(['--seed', '0', '--paused'], {columns, rows});
			await dashboard.press('s', 'iteration 1 ');
			const frame = await dashboard.press('n', 'iteration 101 ');
			const status = after(lineWith(frame, 'error '), 'error ');
			const samples = panelLines(frame, 'Samples')
				.find(line => line.startsWith('error'))
				?.split(/\s+/)[1];
			expect(samples).toBe(status);
			const row = tableRow(frame, 'W11');
			expect(chainValue(frame, 'gradient')).toBe(row.gradient);
			expect(chainValue(frame, 'change')).toBe(row.change);
			expect(twoMinusSigns(panelLines(frame, 'Chain of'))).toEqual([]);

			// the phase walk's update against the table of the same iteration
			let walk = frame;
			for (let k = 0; k < 7; k++) {
				walk = await dashboard.press('p', `phase ${k + 1} of 7`);
			}

			const walked = tableRow(walk, 'W11');
			const values = walk.split('\n').filter(line => line.includes(' = ') && !line.includes('│'));
			const text = values.join(' ');
			expect(after(text, 'gradient = ')).toBe(walked.gradient);
			expect(text.slice(text.lastIndexOf('gradient = ') + 'gradient = '.length).split(',')[0]).toBe(walked.change);
			expect(twoMinusSigns(values)).toEqual([]);
		});
	}

	test('the network diagram labels inputs as the samples panel does and the output to the predicted value’s 6 digits', async () => {
		const dashboard = await openDashboard(['--seed', '0', '--paused'], {columns: 120, rows: 40});
		const frame = await dashboard.press('s', 'iteration 1 ');
		const samples = panelLines(frame, 'Samples');
		const inputs = samples
			.find(line => line.startsWith('inputs'))!
			.replace('inputs', '')
			.trim();
		const predicted = samples.find(line => line.startsWith('predicted'))!.split(/\s+/)[1]!;
		const diagram = panelLines(frame, 'Network').join(' ');
		expect(predicted).toMatch(/^0\.\d{6}$/);
		expect(after(diagram, 'out ')).toBe(predicted);
		expect(['x1', 'x2', 'x3'].map(name => after(diagram, `${name} `)).join(', ')).toBe(inputs);
		// a hidden neuron's activation to the same 6 digits
		expect(after(diagram, 'h1 ')).toMatch(/^0\.\d{6}$/);
	});

	test('--preset xor: every weight’s change carries its sign in the chain as in the table', async () => {
		const dashboard = await openDashboard(['--preset', 'xor', '--seed', '0', '--paused'], {columns: 120, rows: 40});
		let frame = await dashboard.press('n', 'iteration 100 ');
		const names = panelLines(frame, 'Weights')
			.slice(1)
			.map(line => line.split(/\s+/)[0]!)
			.filter(name => name !== '' && !'↑↓'.includes(name[0]!));
		const signs = new Set<string>();
		for (const [k, name] of names.entries()) {
			if (k > 0) {
				frame = await dashboard.press(KEY.down, `Chain of ${name} `);
			}

			const change = tableRow(frame, name).change;
			signs.add(change[0]!);
			expect(chainValue(frame, 'change'), name).toBe(change);
		}

		// both signs met: the test saw a positive change as well as a negative one
		expect(signs).toEqual(new Set(['+', '-']));
	});

	test('--race: the chart legend gives each lane the error the lanes table gives it', async () => {
		const dashboard = await openDashboard(['--seed', '0', '--paused', '--race', '--lr 0.001', '--race', '--lr 0.01'], {columns: 120, rows: 40});
		const frame = await dashboard.press('n', 'iteration 100 ');
		const legend = frame.match(/lr 0\.01: (\S+)/)?.[1];
		const table = lineWith(frame, /lr 0\.01 /);
		expect(legend).toBeDefined();
		expect(table.split(/\s+/)).toContain(legend);
	});

	test("a network too wide to draw: its summary writes the inputs' least and largest as the samples panel writes inputs", () => {
		const [inputs, hidden] = summariseLayers({
			layers: [3, 20, 1],
			summary: [
				{min: 0.1, mean: (0.1 + 0.4 + 4.1) / 3, max: 4.1},
				{min: 0.123_456_78, mean: 0.5, max: 0.987_654_32},
			],
		});
		// 0.100000 and 4.10000 before, beside the samples panel's 0.1, 0.4, 4.1
		expect(inputs).toBe('inputs: 3 neurons, activation min 0.1 mean 1.53333 max 4.1');
		expect(hidden).toBe('hidden layer 1: 20 neurons, activation min 0.123457 mean 0.500000 max 0.987654');
	});
});

describe('the weights table at its narrowest width of the 80-column layout', () => {
	test('tiny and signed numbers whole, as the chain and phase walk format them', () => {
		const rows: WeightRow[] = [
			{
				index: 0,
				layer: 0,
				row: 0,
				col: 0,
				isBias: false,
				name: 'W11',
				from: 'x1',
				to: 'h1',
				value: -5.123_456_7e-5,
				change: -7.279_123e-11,
				gradient: 7.279_123e-8,
				check: undefined,
			},
			{
				index: 1,
				layer: 0,
				row: 0,
				col: 1,
				isBias: false,
				name: 'W21',
				from: 'x2',
				to: 'h1',
				value: 0.548_813_5,
				change: 1.163_42e-4,
				gradient: -0.116_342,
				check: undefined,
			},
		];
		const weights: Window<WeightRow> = {start: 0, total: rows.length, rows};
		const frame = plain(frameAt(<WeightsTable weights={weights} selected={0} height={5} showCheck={false} width={45} />, 45));
		for (const row of rows) {
			expect(tableRow(frame, row.name, frame.split('\n'))).toEqual({
				value: formatWeight(row.value),
				change: formatChange(row.change),
				gradient: formatGradient(row.gradient),
			});
		}
	});
});
