import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {parseCheckpoint, type Resume} from '../../source/core/files/checkpoint.js';
import {PRESETS} from '../../source/core/presets.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {checkpointText} from '../../source/session/exports.js';
import {formatNumber} from '../../source/session/format.js';
import {MESSAGE_MS} from '../../source/ui/hooks/use-messages.js';
import {closeDashboards, iterationOf, KEY, lineWith, linesOf, openDashboard, panelLines, type Dashboard} from '../helpers/ui.js';

afterEach(closeDashboards);

const TUTORIAL = ['--seed', '0', '--paused'];

/** The row of weight `name` in the weights table, its cells split on blanks. */
const weightRow = (frame: string, name: string) =>
	panelLines(frame, 'Weights')
		.map(line => line.trim().split(/\s+/))
		.find(cells => cells[0] === name);

/** Presses `key` and waits until the status line's iteration is no longer `from`; returns the frame. */
async function stepFrom(dashboard: Dashboard, key: string, from: number): Promise<string> {
	return dashboard.press(key, frame => {
		const iteration = iterationOf(frame);
		return iteration !== undefined && iteration !== from && frame.includes('paused ·');
	});
}

describe('the tutorial', () => {
	test('at iteration 0: the initial error on the status line, the initial forward pass in the samples panel', async () => {
		const {frame} = await openDashboard(TUTORIAL);
		const screen = frame();
		expect(linesOf(screen)[1]).toMatch(/^paused · iteration 0 \/ 80,000 · .*initial error 0\.334635/);
		const samples = panelLines(screen, 'Samples');
		expect(samples.find(line => line.startsWith('predicted'))).toMatch(/^predicted\s+0\.778477$/);
		expect(samples.find(line => line.startsWith('error'))).toMatch(/^error\s+0\.334635$/);
		// no gradients before the first iteration
		expect(weightRow(screen, 'W11')).toEqual(['W11', 'x1', '→', 'h1', '0.548814', '–', '–']);
		expect(panelLines(screen, 'Chain of W11').join(' ')).toContain('step once (s)');
	});

	test("s: iteration 1 is the tutorial's, in the status, the table and the chain; j selects W41", async () => {
		const dashboard = await openDashboard(TUTORIAL);
		let screen = await stepFrom(dashboard, 's', 0);
		expect(linesOf(screen)[1]).toMatch(/^paused · iteration 1 \/ 80,000 · .* error 0\.334635$/);
		expect(weightRow(screen, 'W11')).toEqual(['W11', 'x1', '→', 'h1', '0.548813', '-4.667e-7', '4.667e-4']);
		expect(weightRow(screen, 'W41')?.slice(-1)).toEqual(['0.1882']);
		const chain = panelLines(screen, 'Chain of W11 (x1 → h1)');
		expect(chain).toContainEqual(expect.stringMatching(/^g1 = dError\/dPredicted\s+= 1\.157$/));
		expect(chain).toContainEqual(expect.stringMatching(/^g2 = dPredicted\/dSOP3\s+= 0\.1725$/));
		expect(chain).toContainEqual(expect.stringMatching(/^gradient = g1·g2·g3·g4·g5 = 4\.667e-4$/));

		// typed fast: six keys before a frame
		screen = await dashboard.press(['j', 'j', 'j', 'j', 'j', 'j'], 'Chain of W41 (');
		const w41 = panelLines(screen, 'Chain of W41 (h1 → out)');
		expect(w41).toContainEqual(expect.stringMatching(/^g3 = dSOP3\/dW41\s+= 0\.9433$/));
		expect(w41).toContainEqual(expect.stringMatching(/^gradient = g1·g2·g3 = 0\.1882$/));
		expect(screen).not.toContain('Chain of W11');
	});

	test('s steps exactly one iteration each time; n runs 100 and pauses there', async () => {
		const dashboard = await openDashboard(TUTORIAL);
		expect(iterationOf(await stepFrom(dashboard, 's', 0))).toBe(1);
		expect(iterationOf(await stepFrom(dashboard, KEY.right, 1))).toBe(2);
		expect(iterationOf(await stepFrom(dashboard, 's', 2))).toBe(3);
		const screen = await dashboard.press('n', /paused · iteration 103 \/ 80,000/);
		expect(dashboard.session.getSnapshot()?.status).toMatchObject({state: 'paused', iteration: 103});
		expect(screen).toContain('iterations 1 … 103');
	});

	test('b after s s goes back to iteration 1 with the same numbers as before', async () => {
		const dashboard = await openDashboard(TUTORIAL, {columns: 120, rows: 40});
		const first = await stepFrom(dashboard, 's', 0);
		const second = await stepFrom(dashboard, 's', 1);
		expect(panelLines(second, 'Weights')).not.toEqual(panelLines(first, 'Weights'));
		const back = await stepFrom(dashboard, 'b', 2);
		expect(iterationOf(back)).toBe(1);
		expect(panelLines(back, 'Weights')).toEqual(panelLines(first, 'Weights'));
		expect(panelLines(back, 'Chain of W11')).toEqual(panelLines(first, 'Chain of W11'));
		expect(panelLines(back, 'Samples')).toEqual(panelLines(first, 'Samples'));
		expect(linesOf(back)[1]).toEqual(linesOf(first)[1]);
	});
});

describe('after --load', () => {
	test("before its first iteration the status line shows the loaded weights' error, a number; after s, that iteration's", async () => {
		const trainer = new Trainer({...PRESETS.get('tutorial-3')!.setup, seed: 0});
		trainer.step(500);
		// a version 2 checkpoint, which kept no history: the status line has only the loaded weights to show
		const {history: _history, ...v3} = JSON.parse(checkpointText(trainer)) as Record<string, unknown>;
		const checkpoint = parseCheckpoint(JSON.stringify({...v3, version: 2})) as Resume;
		const loaded = await openDashboard(['--load', 'c.json', '--iterations', '1000', '--paused'], {columns: 120, rows: 40, loaded: {checkpoint}});
		const screen = loaded.frame();
		expect(iterationOf(screen)).toBe(500);
		expect(linesOf(screen)[1]).toContain(`loaded weights' error ${formatNumber(trainer.trainError(), 6)}`);
		const stepped = await stepFrom(loaded, 's', 500);
		expect(linesOf(stepped)[1]).toMatch(/ · error 0\.\d+/);
	});

	test('a checkpoint with its history: the status line and the chart go on as the run was', async () => {
		const trainer = new Trainer({...PRESETS.get('tutorial-3')!.setup, seed: 0});
		trainer.step(500);
		const checkpoint = parseCheckpoint(checkpointText(trainer)) as Resume;
		const loaded = await openDashboard(['--load', 'c.json', '--iterations', '1000', '--paused'], {columns: 120, rows: 40, loaded: {checkpoint}});
		const screen = loaded.frame();
		expect(linesOf(screen)[1]).toContain(` · error ${formatNumber(trainer.records.error.latest, 6)}`);
		expect(screen).not.toContain('no iterations yet');
		expect(screen).toContain('iterations 1 … 500');
	});
});

describe('the phase walk', () => {
	test('p walks the 7 phases: the update is the 7th, the counter moves on the p after it, gradients come with their phase, and the end equals one s', async () => {
		const size = {columns: 120, rows: 40};
		const walk = await openDashboard(TUTORIAL, size);
		let screen = await walk.press('p', 'phase 1 of 7');
		expect(lineWith(screen, 'phase 1 of 7')).toContain('forward, hidden layer 1');
		for (let phase = 2; phase <= 6; phase++) {
			expect(iterationOf(screen)).toBe(0);
			// the gradients phase is the 6th: before it the column is empty
			expect(weightRow(screen, 'W11')?.at(-1)).toBe('–');
			screen = await walk.press('p', `phase ${phase} of 7`);
		}

		expect(lineWith(screen, 'phase 6 of 7')).toContain('gradients');
		expect(iterationOf(screen)).toBe(0);
		expect(weightRow(screen, 'W11')?.slice(-2)).toEqual(['–', '4.667e-4']);
		expect(weightRow(screen, 'W41')?.slice(-2)).toEqual(['–', '0.1882']);
		// the update has not run: the chain does not claim a change yet
		expect(panelLines(screen, 'Chain of W11').join('\n')).not.toMatch(/change = .*= 0$/m);

		// the 7th p shows the update as a phase of its own, with its numbers; the counter has not moved
		screen = await walk.press('p', 'phase 7 of 7');
		expect(lineWith(screen, 'phase 7 of 7')).toContain('the update');
		// one minus sign in the walk: its heading writes the formula as the numbers' line under it does (−lr over -lr before)
		expect(lineWith(screen, 'phase 7 of 7')).toContain('change = -lr · gradient');
		expect(iterationOf(screen)).toBe(0);
		const update = screen.replaceAll(/\n +/g, ' ');
		expect(update).toContain('W11 before = 0.548814, gradient = 4.667e-4, lr = 0.001, change = -lr · gradient = -4.667e-7, W11 = W11 + change = 0.548813');
		expect(weightRow(screen, 'W11')?.slice(-3)).toEqual(['0.548813', '-4.667e-7', '4.667e-4']);
		expect(panelLines(screen, 'Chain of W11').join('\n')).toMatch(/^change = -lr · gradient( = .*)? = -4\.667e-7$/m);

		// the 8th completes the iteration: the counter moves
		screen = await walk.press('p', frame => iterationOf(frame) === 1);
		expect(screen).not.toMatch(/phase \d of 7 \(/);

		const step = await openDashboard(TUTORIAL, size);
		const stepped = await stepFrom(step, 's', 0);
		expect(panelLines(screen, 'Weights')).toEqual(panelLines(stepped, 'Weights'));
		expect(panelLines(screen, 'Chain of W11')).toEqual(panelLines(stepped, 'Chain of W11'));
		expect(panelLines(screen, 'Samples')).toEqual(panelLines(stepped, 'Samples'));
		expect(panelLines(screen, 'Network')).toEqual(panelLines(stepped, 'Network'));
		expect(linesOf(screen)[1]).toEqual(linesOf(stepped)[1]);
	});

	test("past the error phase of iteration 2, the status line still shows iteration 1's error, as the chart does", async () => {
		const walk = await openDashboard(TUTORIAL, {columns: 120, rows: 40});
		await stepFrom(walk, 's', 0);
		let screen = '';
		for (let phase = 1; phase <= 3; phase++) {
			screen = await walk.press('p', `phase ${phase} of 7`);
		}

		// iteration 1's error is 0.334635; iteration 2's, computed in this phase, is 0.334562
		expect(lineWith(screen, 'phase 3 of 7')).toContain('error');
		expect(iterationOf(screen)).toBe(1);
		expect(linesOf(screen)[1]).toMatch(/ error 0\.334635/);
		expect(screen).toContain('after iteration 1: error 0.334635');
	});
});

describe('the chart', () => {
	test('after 2 iterations a curve from iteration 1, its top label iteration 1’s error; after n still from iteration 1', async () => {
		const dashboard = await openDashboard(TUTORIAL);
		let screen = await stepFrom(dashboard, 's', 0);
		expect(panelLines(screen, 'Error').join(' ')).toContain('after iteration 1: error 0.334635');
		screen = await stepFrom(dashboard, 's', 1);
		let chart = panelLines(screen, 'Error');
		expect(chart.join(' ')).not.toContain('after iteration');
		// the first column on the top row: the curve starts at the largest error, iteration 1's
		expect(chart[0]).toMatch(/^0\.334635 ┼/);
		expect(chart).toContain('iterations 1 … 2');

		screen = await dashboard.press('n', /paused · iteration 102 \//);
		chart = panelLines(screen, 'Error');
		expect(chart).toContain('iterations 1 … 102');
		const top = /^([\d.]+) ┼/.exec(chart[0]!);
		expect(top, chart[0]).not.toBeNull();
		expect(Number(top![1])).toBeCloseTo(0.334635, 3);
		// the curve ends on the bottom row of the plot, at the latest error
		const plot = chart.filter(line => /[┤┼]/.test(line));
		expect(plot.at(-1)).toMatch(/^0\.327\d* ┤ *╰/);
	});

	test("r after ] during a run: the previous run's grey curve is labelled with both learning rates it used", async () => {
		const dashboard = await openDashboard(TUTORIAL);
		// ] once the run has iterations of the first rate
		await dashboard.press(' ', frame => frame.includes('running') && (iterationOf(frame) ?? 0) > 0);
		await dashboard.press(']', /learning rate 0\.002 /);
		await dashboard.press(' ', /^paused · /m);
		await dashboard.press('r', frame => iterationOf(frame) === 0);
		await stepFrom(dashboard, 's', 0);
		const screen = await stepFrom(dashboard, 's', 1);
		const legend = panelLines(screen, 'Error').join(' ').replaceAll(/\s+/g, ' ');
		expect(legend).toMatch(/grey: the previous run \(lr 0\.001, 0\.002 from [\d,]+\)/);
		// the new run goes on at the rate the last one ended with
		expect(linesOf(screen)[0]).toContain('learning rate 0.002');
	});
});

describe('help', () => {
	test('? opens it; s, space and r do nothing while it is open; ? closes it', async () => {
		const dashboard = await openDashboard(TUTORIAL);
		await stepFrom(dashboard, 's', 0);
		await dashboard.press('?', 'descent: help');
		dashboard.type('s', ' ', 'r', 'n');
		const screen = await dashboard.press('?', '╭─ Weights');
		expect(linesOf(screen)[1]).toMatch(/^paused · iteration 1 \/ 80,000/);
		expect(dashboard.session.getSnapshot()?.status).toMatchObject({state: 'paused', iteration: 1});
	});

	test('Esc closes it; at 80×24 PgDn pages to the glossary and PgUp back', async () => {
		const dashboard = await openDashboard(TUTORIAL, {columns: 80, rows: 24});
		let screen = await dashboard.press('?', 'descent: help');
		expect(linesOf(screen)).toHaveLength(23);
		// pages until the glossary's entries show (the keys and panels before it take several pages)
		for (let page = 0; page < 6 && !/║ epoch +\S/.test(screen); page++) {
			const before = screen;
			screen = await dashboard.press(KEY.pageDown, frame => frame !== before);
		}

		for (const word of ['SOP', 'δ', 'g1 … g5', 'epoch', 'batch']) {
			expect(screen).toMatch(new RegExp(`║ ${word} +\\S`));
		}

		expect(screen).toContain('g1 = dError/dPredicted');
		for (let page = 0; page < 6 && !screen.includes('descent: help'); page++) {
			const before = screen;
			screen = await dashboard.press(KEY.pageUp, frame => frame !== before);
		}

		expect(screen).toContain('descent: help');
		screen = await dashboard.press(KEY.escape, '╭─ Weights');
		expect(screen).not.toContain('descent: help');
		// Esc closed the help and did not quit: keys still act
		expect(iterationOf(await stepFrom(dashboard, 's', 0))).toBe(1);
	});
});

describe('the keys line', () => {
	test('at 80 columns it ends with ? help · q quit; a message replaces it, then goes', async () => {
		const home = process.cwd();
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-ui-'));
		process.chdir(folder);
		try {
			const dashboard = await openDashboard(TUTORIAL, {columns: 80, rows: 24});
			let keys = linesOf(dashboard.frame()).at(-1)!;
			expect(keys).toMatch(/· \? help · q quit$/);
			expect(keys.length).toBeLessThanOrEqual(80);
			await stepFrom(dashboard, 's', 0);
			vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
			const screen = await dashboard.press('w', 'wrote checkpoint');
			keys = linesOf(screen).at(-1)!;
			expect(keys).toBe('wrote checkpoint descent-0-1.json at iteration 1');
			expect(JSON.parse(fs.readFileSync(path.join(folder, 'descent-0-1.json'), 'utf8'))).toMatchObject({format: 'descent-checkpoint'});
			vi.advanceTimersByTime(MESSAGE_MS);
			keys = linesOf(await dashboard.until(frame => !frame.includes('wrote checkpoint'))).at(-1)!;
			expect(keys).toMatch(/· \? help · q quit$/);
		} finally {
			vi.useRealTimers();
			process.chdir(home);
			fs.rmSync(folder, {recursive: true, force: true});
		}
	});

	test('a saturated wide sigmoid network says why nothing learns, whole, at the top of the chain panel', async () => {
		const csv = Array.from({length: 50}, (_, s) => Array.from({length: 12}, (_, k) => ((s * 7 + k * 3) % 11) / 10).join(',')).join('\n');
		const dashboard = await openDashboard(['--seed', '0', '--paused', '--layers', '8,64,64,4', '--data', 'wide.csv'], {loaded: {csv}});
		expect(linesOf(dashboard.frame()).at(-1)).toMatch(/\? help · q quit$/);
		const screen = await stepFrom(dashboard, 's', 0);
		// the panel wraps the notice: joined, it is the whole sentence
		const chain = panelLines(screen, 'Chain of').join(' ').replaceAll(/\s+/g, ' ');
		expect(chain).toMatch(
			/every gradient is below 1e-10 \(largest \d\.\de-\d+\): the sigmoid neurons are saturated, so learning has all but stopped; try fewer inputs, smaller weights \(--init xavier\) or relu/,
		);
		expect(linesOf(screen).at(-1)).toMatch(/\? help · q quit$/);
	});
});

describe('a window below 80×24', () => {
	test('asks to be enlarged, says training goes on while it runs, and shows the dashboard again when large enough', async () => {
		const dashboard = await openDashboard(TUTORIAL);
		let screen = await dashboard.resize(79, 30);
		expect(screen).toBe('Enlarge the window to 80×24 (now 79×30); q quits');
		screen = await dashboard.resize(80, 23);
		expect(screen).toBe('Enlarge the window to 80×24 (now 80×23); q quits');
		screen = await dashboard.press(' ', /training goes on/i);
		expect(screen.replaceAll('\n', ' ')).toMatch(/training goes on\W+iteration [\d,]+/i);
		screen = await dashboard.press(' ', frame => !/training goes on/i.test(frame));
		expect(screen).toBe('Enlarge the window to 80×24 (now 80×23); q quits');
		screen = await dashboard.resize(80, 24);
		expect(linesOf(screen)[1]).toMatch(/^paused · iteration [\d,]+ \/ 80,000/);
	});
});
