import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import {loadPackaged} from '../../source/cli/packaged.js';
import {formatError, formatPredicted} from '../../source/session/format.js';
import {runNumpy} from '../helpers/numpy.js';
import {temporaryFolder} from '../helpers/run-cli.js';
import {closeDashboards, lineWith, openDashboard, panelLines, runOptions} from '../helpers/ui.js';

afterEach(closeDashboards);

/** numpy's forward pass of the run's first sample with its initial weights (iteration 1's pass): its output and its loss. */
function numpyFirstPass(flags: readonly string[]): {outputs: number[]; loss: number} {
	const {setup} = runOptions(flags);
	const file = path.join(temporaryFolder('walk-panels'), 'run.json');
	const {layers, activation, outputActivation, bias, loss, init, seed} = setup;
	fs.writeFileSync(file, JSON.stringify({layers, activation, outputActivation, bias, loss, init, seed, samples: setup.samples, rows: [0]}));
	return (runNumpy('sample_rows.py', [file]) as Array<{outputs: number[]; loss: number}>)[0]!;
}

/** The status line's error: `… · error 0.334635`. */
const statusError = (frame: string) => /· (?:batch )?error (\S+)/.exec(lineWith(frame, /^(?:paused|running)/))?.[1];

/** A labelled row of the one-sample Samples panel: `predicted  0.778477`. */
const field = (frame: string, label: string) =>
	panelLines(frame, 'Samples')
		.find(line => line.startsWith(`${label} `))
		?.slice(label.length)
		.trim();

/** The Network diagram's output: `▄█ out 0.778414`, '' while the walk has not computed it. */
const diagramOutput = (frame: string) => /out( \S+)?$/.exec(panelLines(frame, 'Network').find(line => / out\b/.test(line)) ?? '')?.[1]?.trim() ?? '';

describe('during a phase walk the Samples panel shows what the walk has computed, as the diagram does (issue 21)', () => {
	test("the tutorial: the last finished pass until the output's phase, then the walk's output, then its error", async () => {
		const dashboard = await openDashboard(['--seed', '0', '--paused'], {columns: 120, rows: 40});
		const done = await dashboard.press(
			Array.from({length: 8}, () => 'p'),
			'iteration 1 is done',
		);
		const finished = {predicted: field(done, 'predicted'), error: field(done, 'error')};
		expect(finished.error).toBe(statusError(done));
		// iteration 1's pass is the initial weights', as numpy has it
		const numpy = numpyFirstPass(['--seed', '0', '--paused']);
		expect(finished).toEqual({predicted: formatPredicted(numpy.outputs[0]), error: formatError(numpy.loss)});

		// phase 1 computes the hidden layer only: the samples keep iteration 1's pass, as the status line does
		const first = await dashboard.press('p', 'phase 1 of 7');
		expect(diagramOutput(first)).toBe('');
		expect({predicted: field(first, 'predicted'), error: field(first, 'error')}).toEqual(finished);
		expect(statusError(first)).toBe(finished.error);
		// and the last walk's "is done" is gone: this is the next walk
		expect(first).not.toContain('is done');

		// phase 2 computes the output: the diagram's, and no error yet
		const second = await dashboard.press('p', 'phase 2 of 7');
		expect(diagramOutput(second)).not.toBe('');
		expect(field(second, 'predicted')).toBe(diagramOutput(second));
		expect(field(second, 'predicted')).not.toBe(finished.predicted);
		expect(field(second, 'error')).toBe('–');

		// phase 3 measures the error: the one the status line says once the iteration is done
		const third = await dashboard.press('p', 'phase 3 of 7');
		const walked = field(third, 'error');
		expect(walked).toMatch(/^\d\.\d+$/);
		const next = await dashboard.press(
			Array.from({length: 5}, () => 'p'),
			'iteration 2 is done',
		);
		expect(statusError(next)).toBe(walked);
		expect(field(next, 'predicted')).toBe(field(second, 'predicted'));
	});

	test("xor after 300 iterations: the walk's first phase leaves every sample's pass as it was", async () => {
		const dashboard = await openDashboard(['--preset', 'xor', '--seed', '0', '--paused'], {columns: 120, rows: 40});
		const before = await dashboard.press(['n', 'n', 'n'], /iteration 300 \//);
		const samples = panelLines(before, 'Samples').filter(line => line !== '');
		expect(samples.join(' ')).toMatch(/#1 .*→ \S+ \(target 0,\s+error \d\S+\)/);
		const walking = await dashboard.press('p', 'phase 1 of');
		expect(panelLines(walking, 'Samples').filter(line => line !== '')).toEqual(samples);
		expect(statusError(walking)).toBe(statusError(before));
	});
});

describe('the Digits panel, the Samples panel and the Network diagram show one forward pass (issue 21)', () => {
	test('mnist after 3 iterations: sample #1 and #2 read the same output on the three panels', async () => {
		const digits = {name: 'mnist' as const, samples: loadPackaged('mnist', 60)};
		const dashboard = await openDashboard(['--preset', 'mnist', '--samples', '60', '--seed', '0', '--paused'], {
			columns: 200,
			rows: 60,
			loaded: {packaged: digits},
		});
		// steps, each done at once (n runs on the scheduler, slow on a loaded machine)
		const frame = await dashboard.press(['s', 's', 's'], /iteration 3 \//);
		for (const [sample, shown] of [
			[1, frame],
			[2, await dashboard.press('>', 'Digits sample #2')],
		] as const) {
			const row = panelLines(shown, 'Samples').find(line => line.startsWith(`#${sample} `)) ?? '';
			const listed = panelLines(shown, 'Samples').slice(panelLines(shown, 'Samples').indexOf(row));
			const output = /→ (\S+): (\S+) \(/.exec(listed.find(line => line.includes('→ ')) ?? '');
			expect(output, `sample #${sample} in Samples`).not.toBeNull();
			const [, predicted, value] = output!;
			expect(lineWith(shown, 'outputs:')).toContain(`max ${value!}`);
			const percent = `${(100 * Number(value)).toFixed(1)} %`;
			const verdict = panelLines(shown, 'Digits')[0]!;
			expect(verdict).toContain(`#${sample} · `);
			expect(verdict).toContain(`predicted ${predicted!} `);
			expect(verdict).toMatch(new RegExp(`[✓✗] · ${percent.replace('.', '\\.')}( ·|$)`));
			expect(panelLines(shown, 'Digits').find(line => new RegExp(`\\s${predicted!} ▇`).test(line))).toContain(percent);
		}
	});
});

describe("a gradient check's numbers belong to the iteration they checked (issue 21)", () => {
	test('the tutorial: after s and g, a phase walk shows no check column and no check in the title; b back to its start shows them again', async () => {
		const dashboard = await openDashboard(['--seed', '0', '--paused'], {columns: 120, rows: 40});
		await dashboard.press('s', /iteration 1 \//);
		const checked = await dashboard.press('g', 'g check: largest');
		expect(panelLines(checked, 'Weights')[0]).toMatch(/gradient +check$/);
		const walking = await dashboard.press('p', 'phase 1 of');
		expect(walking).not.toContain('g check: largest');
		expect(panelLines(walking, 'Weights')[0]).toMatch(/gradient$/);
		expect(panelLines(walking, 'Weights').join('\n')).not.toMatch(/\de-\d\d/);
		const back = await dashboard.press('b', text => !text.includes('phase 1 of'));
		expect(back).toContain(lineWith(checked, 'g check: largest'));
	});
});
