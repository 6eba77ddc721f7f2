import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import {loadPackaged} from '../../source/cli/packaged.js';
import type {Sample} from '../../source/core/data/samples.js';
import {formatCount, formatError, formatPredicted, formatShort} from '../../source/session/format.js';
import type {SamplesData} from '../../source/session/views/samples.js';
import {SamplesPanel} from '../../source/ui/components/SamplesPanel.js';
import {runNumpy} from '../helpers/numpy.js';
import {temporaryFolder} from '../helpers/run-cli.js';
import {closeDashboards, CUT_NUMBER, frameAt, openDashboard, panelLines, plain, runOptions} from '../helpers/ui.js';

afterEach(closeDashboards);

const folder = temporaryFolder('samples-list');

type NumpyRow = {outputs: number[]; loss: number; target: number; predicted: number};

/** numpy's forward pass of these samples with the run's initial weights (drawn from its seed as numpy_trainer draws them). */
function numpyRows(flags: readonly string[], packaged: {name: 'iris' | 'mnist'; samples: Sample[]}, rows: readonly number[]): NumpyRow[] {
	const {setup} = runOptions(flags, {packaged});
	const file = path.join(folder, `${packaged.name}-${rows.join('-')}.json`);
	const {layers, activation, outputActivation, bias, loss, init, seed} = setup;
	fs.writeFileSync(file, JSON.stringify({layers, activation, outputActivation, bias, loss, init, seed, samples: setup.samples, rows}));
	return runNumpy('sample_rows.py', [file]) as NumpyRow[];
}

/** The samples the panel lists: each one's lines joined, spaces made single. */
function samplesShown(frame: string): string[] {
	const blocks: string[][] = [];
	for (const line of panelLines(frame, 'Samples')) {
		if (/^#\d/.test(line)) {
			blocks.push([line]);
		} else if (/^\s/.test(line) && blocks.length > 0 && !line.trim().startsWith('PgDn')) {
			blocks.at(-1)!.push(line);
		} else {
			break;
		}
	}

	return blocks.map(lines => lines.join(' ').replaceAll(/\s+/g, ' '));
}

/** `#12 test 0, 0, … 780 more → 5: 0.187951 (target 0, error 3.34917)` */
const SHOWN = /^#([\d,]+)(?: test)? (.*?) → (\S+): (\S+) \(target (\S+), error (\S+)\)$/;

const runs = {
	mnist: {flags: ['--preset', 'mnist', '--samples', '60', '--seed', '0', '--paused'], packaged: {name: 'mnist' as const, samples: loadPackaged('mnist', 60)}},
	iris: {flags: ['--preset', 'iris', '--seed', '0', '--paused'], packaged: {name: 'iris' as const, samples: loadPackaged('iris', undefined)}},
};
const classes = {mnist: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], iris: ['setosa', 'versicolor', 'virginica']};

describe('the list of samples with classes: inputs elided with a count, the predicted class, the target class and the error, as numpy has them (issue 21)', () => {
	test.each((['mnist', 'iris'] as const).flatMap(name => [[name, 80, 24] as const, [name, 120, 40] as const, [name, 200, 60] as const]))(
		'%s at %i×%i',
		async (name, columns, rows) => {
			const run = runs[name];
			const dashboard = await openDashboard(run.flags, {columns, rows, loaded: {packaged: run.packaged}});
			const frame = dashboard.frame();
			const shown = samplesShown(frame);
			expect(shown.length, frame).toBeGreaterThan(0);
			expect(panelLines(frame, 'Samples').join('\n')).not.toMatch(CUT_NUMBER);
			const parsed = shown.map(text => {
				const match = SHOWN.exec(text);
				expect(match, text).not.toBeNull();
				return match!;
			});
			const indices = parsed.map(match => Number(match[1]!.replaceAll(',', '')) - 1);
			const numpy = numpyRows(run.flags, run.packaged, indices);
			for (const [k, match] of parsed.entries()) {
				const sample = run.packaged.samples[indices[k]!]!;
				const [, , inputs, predicted, output, target, error] = match;
				// the inputs: all of them, or the first ones and a count of the rest
				const elided = /^(.*?),? … ([\d,]+) more$/.exec(inputs!);
				const values = (elided ? elided[1]! : inputs!).split(', ');
				expect(values).toEqual(sample.x.slice(0, values.length).map(x => formatShort(x)));
				expect(values.length + (elided ? Number(elided[2]!.replaceAll(',', '')) : 0)).toBe(sample.x.length);
				if (name === 'mnist') {
					expect(elided, inputs).not.toBeNull();
				}

				const row = numpy[k]!;
				expect([predicted, output, target, error]).toEqual([
					classes[name][row.predicted],
					formatPredicted(row.outputs[row.predicted]),
					classes[name][row.target],
					formatError(row.loss),
				]);
			}
		},
	);
});

describe("a sample's number in the list", () => {
	test('has the thousands separator, as the footer and every count: #2,000 of 2,000', () => {
		const samples: SamplesData = {
			start: 1999,
			total: 2000,
			classes: undefined,
			rows: [{index: 1999, inputs: [0.5, 0.25], target: [1], predicted: [0.75], error: 0.0625, test: false, inBatch: false}],
		};
		const lines = plain(frameAt(<SamplesPanel samples={samples} start={1999} followed={0} width={60} height={4} />, 60)).split('\n');
		expect(lines[0]).toBe('#2,000 0.5, 0.25 → 0.750000 (target 1, error 0.0625000)');
		expect(lines.at(-1)).toBe(`samples 2,000–2,000 of ${formatCount(2000)} · PgUp PgDn`);
	});
});

describe('the list of samples without classes', () => {
	test('784 inputs and 12 outputs at 27 columns: each list elided to two lines with a count, the error whole', () => {
		const inputs = Array.from({length: 784}, (_, k) => (k % 7) / 8);
		const predicted = Array.from({length: 12}, (_, k) => 0.1 + k / 100);
		const target = Array.from({length: 12}, (_, k) => k / 4);
		const error = predicted.reduce((sum, p, k) => sum + (p - target[k]!) ** 2, 0);
		const samples: SamplesData = {start: 0, total: 300, classes: undefined, rows: [{index: 0, inputs, target, predicted, error, test: false, inBatch: true}]};
		const lines = plain(frameAt(<SamplesPanel samples={samples} start={0} followed={0} width={27} height={12} />, 27)).split('\n');
		const text = lines.join(' ').replaceAll(/\s+/g, ' ');
		for (const line of lines) {
			expect(line.length).toBeLessThanOrEqual(27);
		}

		expect(text).not.toMatch(CUT_NUMBER);
		const match = /^#1 (.*?) … ([\d,]+) more → (.*?) … ([\d,]+) more \(target (.*?) … ([\d,]+) more, error (\S+)\)/.exec(text);
		expect(match, lines.join('\n')).not.toBeNull();
		const count = (list: string) => list.replace(/,$/, '').split(', ').length;
		expect(count(match![1]!) + Number(match![2]!.replaceAll(',', ''))).toBe(784);
		expect(count(match![3]!) + Number(match![4])).toBe(12);
		expect(count(match![5]!) + Number(match![6])).toBe(12);
		expect(match![7]).toBe(formatError(error));
	});
});
