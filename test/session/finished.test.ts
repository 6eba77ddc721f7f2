import {describe, expect, test} from 'vitest';
import {Trainer} from '../../source/core/training/trainer.js';
import {finishedLine} from '../../source/session/finished.js';
import {runOptions} from '../helpers/ui.js';

describe('finishedLine: why a finished run trains no more, and what to do', () => {
	test('at the limit, at --until-error, diverged', () => {
		const limited = new Trainer(runOptions(['--seed', '0', '--iterations', '3000']).setup);
		limited.step(3000);
		expect(finishedLine(limited)).toBe('done at the limit, 3,000: r resets; --iterations sets a longer run');
		const reached = new Trainer(runOptions(['--seed', '0', '--until-error', '0.1']).setup);
		reached.step(80_000);
		expect(reached.reachedAt).toBeGreaterThan(0);
		expect(finishedLine(reached)).toBe(`done at iteration ${reached.reachedAt!.toLocaleString('en-US')}, the error at --until-error 0.1: r resets`);
		const diverged = new Trainer(runOptions(['--seed', '0', '--lr', '1000', '--activation', 'linear']).setup);
		diverged.step(1000);
		expect(finishedLine(diverged)).toMatch(
			/^diverged at iteration \d+, the weights not finite numbers: r resets \(b goes back; \[ halves the learning rate\)$/,
		);
	});
});
