import {describe, expect, test} from 'vitest';
import {buildOptions, type Options} from '../../source/cli/build.js';
import {parseArgv} from '../../source/cli/parse.js';
import {summaryLines} from '../../source/cli/summary.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {runEndOf, type RunEnd} from '../../source/session/summary.js';

function options(argv: readonly string[]): Options {
	return buildOptions(parseArgv(argv), {randomSeed: 0});
}

/** Trains the run `argv` describes for `iterations` (all, by default) and returns its options and how it ended. */
function trained(argv: readonly string[], iterations = Number.POSITIVE_INFINITY, state?: RunEnd['state']): {options: Options; end: RunEnd} {
	const built = options(argv);
	const trainer = new Trainer(built.run.setup, built.run.resume);
	trainer.step(Math.min(iterations, built.run.setup.limit));
	const ended = state ?? (trainer.finished ? (trainer.status as 'done' | 'diverged') : 'stopped');
	return {options: built, end: runEndOf(trainer, ended, 1234, ['wrote checkpoint x.json at iteration 1'])};
}

describe('summaryLines', () => {
	test('tutorial-3, seed 0, 1,000 iterations: the network, the state, the errors, the sample, the files, the reproduce line', () => {
		const {options: built, end} = trained(['--seed', '0', '--iterations', '1000', '--headless']);
		const lines = summaryLines(end, built);
		expect(lines[0]).toBe('descent: 3 → 2 → 1, sigmoid, no bias, learning rate 0.001, seed 0');
		expect(lines[1]).toBe('done: 1,000 iterations in 1.23 s');
		expect(lines[2]).toMatch(/^error 0\.\d{6} at the last iteration, 0\.\d{6} with the final weights$/);
		expect(lines[3]).toMatch(/^ {2}sample 1: predicted 0\.\d{6} {2}target 0\.2$/);
		expect(lines[4]).toBe('wrote checkpoint x.json at iteration 1');
		expect(lines[5]).toBe('reproduce: descent --iterations 1000 --headless --seed 0');
		expect(lines).toHaveLength(6);
	});

	test('stopped by a signal: where, of how many', () => {
		const {options: built, end} = trained(['--seed', '0', '--headless'], 500);
		expect(summaryLines(end, built)[1]).toBe('stopped at iteration 500 / 80,000 after 1.23 s of training');
	});

	test('a test split adds the test error; many samples are cut to eight with a note', () => {
		const {options: built, end} = trained(['--dataset', 'xor', '--samples', '20', '--test', '0.25', '--seed', '1', '--iterations', '10']);
		const lines = summaryLines(end, built);
		expect(lines[2]).toMatch(/, test error \d\.\d+$/);
		expect(lines.filter(line => line.startsWith('  sample '))).toHaveLength(8);
		expect(lines).toContain('  … and 12 more samples (--json lists them all)');
	});

	test('diverged: where, and a hint', () => {
		const {options: built, end} = trained(['--lr', '1e300', '--activation', 'linear', '--seed', '0', '--iterations', '100']);
		expect(end.state).toBe('diverged');
		expect(summaryLines(end, built)[1]).toMatch(/^diverged at iteration \d+: the error or a weight is no longer a finite number \(try a smaller --lr\)$/);
	});

	test('--until-error: the iteration it was reached', () => {
		const {options: built, end} = trained(['--preset', 'xor', '--seed', '0', '--until-error', '0.2']);
		expect(end.reachedAt).toBeGreaterThan(0);
		expect(summaryLines(end, built)[1]).toMatch(/^done: error ≤ 0\.2 at iteration [\d,]+, in 1\.23 s$/);
	});

	test('the first line names the training choices and, with class targets, the accuracy, as the status line does', () => {
		const argv = ['--dataset', 'xor', '--samples', '20', '--test', '0.25', '--optimizer', 'adam', '--batch', '5', '--l2', '0.01'];
		const {options: built, end} = trained([...argv, '--loss', 'cross-entropy', '--seed', '1', '--iterations', '300']);
		const trainer = new Trainer(built.run.setup);
		trainer.step(300);
		const {evaluator, network, data, split} = trainer;
		const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
		const accuracy = percent(evaluator.measure(network.weights, data, split.train).accuracy);
		const testAccuracy = percent(evaluator.measure(network.weights, data, split.test).accuracy);
		expect(summaryLines(end, built)[0]).toBe(
			`descent: 2 → 2 → 1, sigmoid, no bias, cross-entropy, adam, L2 0.01, batch 5 of 15, 5 test samples, learning rate 0.001, seed 1, accuracy ${accuracy}, test ${testAccuracy}`,
		);
	});
});
