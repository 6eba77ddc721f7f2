import {stripVTControlCharacters} from 'node:util';
import {describe, expect, test} from 'vitest';
import {errorSurface} from '../../source/core/maths/surface.js';
import {Trainer} from '../../source/core/training/trainer.js';
import type {SurfaceData} from '../../source/session/views/surface.js';
import {SurfaceView} from '../../source/session/views/surface-job.js';
import {arrowOf, drawSurface, scaleOf, stepOf, surfaceFooter} from '../../source/ui/surface.js';
import {runOptions} from '../helpers/ui.js';

const linspace = (from: number, to: number, count: number) => Float64Array.from({length: count}, (_, k) => from + ((to - from) * k) / (count - 1));

/** Calls until the view has the surface of the trainer's iteration, with no time to spare a call: one point each. */
function drain(view: SurfaceView, trainer: Trainer, request: Parameters<SurfaceView['view']>[1]): {surface: SurfaceData; calls: number} {
	for (let calls = 1; calls < 10_000; calls++) {
		const surface = view.view(trainer, request, 0);
		if (surface?.iteration === trainer.iteration) {
			return {surface, calls};
		}
	}

	throw new Error('no surface');
}

describe('SurfaceView: the surface spread over frames', () => {
	test('a point a call when there is no time to spare; the values those of errorSurface over the same grid', () => {
		const trainer = new Trainer(runOptions(['--preset', 'spiral', '--seed', '1', '--l2', '0.001']).setup);
		trainer.step(50);
		const view = new SurfaceView();
		const {surface, calls} = drain(view, trainer, {columns: 12, rows: 8, a: 3, b: 40});
		expect([surface.columns, surface.rows]).toEqual([12, 8]);
		expect(calls).toBe(12 * 8);
		const grid = errorSurface(
			trainer.network,
			trainer.data,
			trainer.split.train,
			trainer.network.weights,
			{a: 3, b: 40},
			linspace(...surface.x, 12),
			linspace(surface.y[1], surface.y[0], 8),
		);
		expect(surface.errors).toEqual([...grid.errors]);
		expect(surface.iteration).toBe(50);
		expect(surface.penalty).toBe('L2 0.001');
		expect(surface.current).toEqual([trainer.network.weights[3], trainer.network.weights[40]]);
		expect(surface.path.a.at(-1)).toBe(trainer.network.weights[3]);
	});

	test('while the weights change, the last whole surface is shown until the next is done', () => {
		const trainer = new Trainer(runOptions(['--seed', '0']).setup);
		const view = new SurfaceView();
		const request = {columns: 10, rows: 4, a: 6, b: 7};
		expect(drain(view, trainer, request).surface.iteration).toBe(0);
		trainer.step(100);
		expect(view.view(trainer, request, 0)?.iteration).toBe(0);
		expect(drain(view, trainer, request).surface.iteration).toBe(100);
		// other axes: nothing to show until their surface is done
		expect(view.view(trainer, {...request, a: 0}, 0)).toBeUndefined();
	});

	test('a costly network gets a coarser grid than the pixels asked for', () => {
		const trainer = new Trainer(runOptions(['--preset', 'spiral', '--samples', '2000', '--seed', '1']).setup);
		const {surface} = drain(new SurfaceView(), trainer, {columns: 60, rows: 40, a: 0, b: 1});
		expect(surface.columns).toBeLessThan(60);
		expect(surface.columns * surface.rows * trainer.split.train.length * trainer.network.shape.weightCount).toBeLessThanOrEqual(8e6);
	});
});

/** A made-up surface: error a² + b² around (0, 0), the current point at (0.5, 0), the path from (−1, −1). */
function bowl(descent: readonly [number, number]): SurfaceData {
	const columns = 21;
	const rows = 21;
	const xs = linspace(-1, 1, columns);
	const errors = Array.from({length: rows * columns}, (_, k) => xs[k % columns]! ** 2 + xs[rows - 1 - Math.floor(k / columns)]! ** 2);
	return {
		names: ['W41', 'W42'],
		a: 6,
		b: 7,
		x: [-1, 1],
		y: [-1, 1],
		columns,
		rows,
		errors,
		range: [0, 2],
		path: {a: [-1, -0.5, 0.5], b: [-1, -0.5, 0]},
		current: [0.5, 0],
		error: 0.25,
		descent,
		penalty: undefined,
		iteration: 10,
		costMs: 1,
		spanMs: 1,
		samples: 1,
	};
}

describe('drawSurface', () => {
	test('without colour: a shade per step, the start, the path, the current point and the arrow beside it', () => {
		const lines = drawSurface(bowl([-1, 0]), 21, 11, {colour: false});
		expect(lines).toHaveLength(11);
		expect(lines.every(line => [...line].length === 21)).toBe(true);
		// the current point (0.5, 0): column 15, the middle line; downhill is to the left
		expect(lines[5]![15]).toBe('@');
		expect(lines[5]![14]).toBe('←');
		expect(lines[10]![0]).toBe('o');
		// the bowl: lightest at its centre, darkest in the corners, every step a shade
		expect(lines[5]![10]).toBe('░');
		expect(lines[0]![20]).toBe('█');
		expect(new Set(lines.join('').replaceAll(/[^░▒▓█]/g, ''))).toEqual(new Set('░▒▓█'));
	});

	test('with colour: half blocks, two pixels a character, each line as wide as asked', () => {
		const lines = drawSurface(bowl([0, 1]), 21, 6, {colour: true});
		expect(lines).toHaveLength(6);
		expect(lines.map(line => [...stripVTControlCharacters(line)].length)).toEqual(Array.from({length: 6}, () => 21));
		expect(lines.join('')).toContain('▀');
		expect(stripVTControlCharacters(lines.join('\n'))).toContain('◉');
		expect(arrowOf(bowl([0, 1]), 21, 12)).toBe('↑');
		expect(arrowOf(bowl([1, -1]), 21, 21)).toBe('↘');
		expect(arrowOf(bowl([0, 0]), 21, 21)).toBeUndefined();
	});

	test('the scale: log when the error spans more than ten times its least, each step a factor', () => {
		const log = scaleOf([0.001, 1], 3);
		expect(log.log).toBe(true);
		expect([0.001, 0.0099, 0.011, 0.2, 1].map(value => stepOf(value, log))).toEqual([0, 0, 1, 2, 2]);
		const linear = scaleOf([1, 3], 4);
		expect(linear.log).toBe(false);
		expect([1, 1.49, 1.5, 2.99, 3].map(value => stepOf(value, linear))).toEqual([0, 0, 1, 3, 3]);
	});

	test('the footer: the extent, the scale, the marks, the error named, its steps; every line within the width', () => {
		const footer = surfaceFooter({...bowl([-1, 0]), penalty: 'L1 0.01'}, 30, {colour: false}, {columns: 21, rows: 21});
		expect(footer).toEqual([
			'→ W41 -1 … 1, ↑ W42 -1 … 1',
			'error 0 ░▒▓█ 2',
			'o start · path @ now 0.250000',
			'  (after update 10) ← downhill',
			'the mean error over 1 training',
			'  sample + the penalty (L1',
			'  0.01)',
			'a colour step: the error +0.5',
		]);
		expect(footer.every(line => line.length <= 30)).toBe(true);
	});

	test('the arrow stays with its word where the line wraps, and the step is labelled (issue 21, from the new-user try)', () => {
		// 49 columns: the line breaks just after the arrow; it read '… (after update 10) ←' over 'downhill'
		const footer = surfaceFooter(bowl([-1, 0]), 49, {colour: false}, {columns: 21, rows: 21});
		expect(footer.some(line => line.endsWith('←'))).toBe(false);
		expect(footer).toContain('  ← downhill');
		expect(footer.at(-1)).toBe('a colour step: the error +0.5');
	});

	test('the footer in a small room: whole parts, the most needed first; a coarse, slow surface says so', () => {
		const slow = {...bowl([-1, 0]), spanMs: 1500};
		expect(surfaceFooter(slow, 40, {colour: false}, {columns: 42, rows: 21}, 4)).toEqual([
			'→ W41 -1 … 1, ↑ W42 -1 … 1',
			'error 0 ░▒▓█ 2',
			'o start · path @ now 0.250000 (after',
			'  update 10) ← downhill',
		]);
		expect(surfaceFooter(slow, 80, {colour: false}, {columns: 42, rows: 21}).at(-1)).toBe('at iteration 10, a 21×21 grid, drawn anew every 1.5 s (its cost)');
	});
});
