import {afterEach, describe, expect, test} from 'vitest';
import {Trainer} from '../../source/core/training/trainer.js';
import {formatError} from '../../source/session/format.js';
import type {LanesData} from '../../source/session/views/lanes.js';
import {laneLines, LanesTable} from '../../source/ui/components/LanesTable.js';
import {RaceChart} from '../../source/ui/components/RaceChart.js';
import {SurfaceView} from '../../source/session/views/surface-job.js';
import {drawSurface, surfaceFooter} from '../../source/ui/surface.js';
import {closeDashboards, frameAt, iterationOf, lineWith, openDashboard, panelLines, plain, runOptions} from '../helpers/ui.js';

afterEach(closeDashboards);

const RACE = ['--seed', '0', '--paused', '--race', '--lr 0.001', '--race', '--lr 0.01', '--race', '--optimizer adam --lr 0.01'];

/** The iteration column of the Lanes panel: after each lane's number and name, two spaces or more. */
const laneIterations = (frame: string) =>
	panelLines(frame, 'Lanes')
		.slice(1)
		.filter(line => line.trim() !== '')
		.map(line => Number(/^[▶ ] \d \S.*?\s{2,}([\d,]+)\s/.exec(line)?.[1]?.replaceAll(',', '')));

/** The race's lanes run alone for `iterations`: their curves, as a race's snapshot carries them. */
function raceOf(iterations: number, selected = 0) {
	const lanes = [
		['sgd', ['--lr', '0.001']],
		['lr 0.01', ['--lr', '0.01']],
		['adam lr 0.01', ['--optimizer', 'adam', '--lr', '0.01']],
	] as const;
	return {
		selected,
		lanes: lanes.map(([label, flags]) => {
			const trainer = new Trainer(runOptions(['--seed', '0', ...flags]).setup);
			trainer.step(iterations);
			return {label, error: trainer.records.error.series()};
		}),
	};
}

describe('the lanes table', () => {
	const data: LanesData = {
		selected: 1,
		batchError: false,
		rows: [
			{label: 'sgd', iteration: 2000, state: 'training', error: 0.25, testError: 0.3, accuracy: 0.5, testAccuracy: 0.25},
			{label: 'adam lr 0.01', iteration: 2000, state: 'training', error: 0.0123, testError: 0.02, accuracy: 1, testAccuracy: 0.75},
		],
	};

	test('a row a lane with its number and flags, the columns labelled, the shown lane marked ▶', () => {
		const lines = plain(frameAt(<LanesTable data={data} />)).split('\n');
		expect(lines[0]).toMatch(/^\s+lane\s+iteration\s+error\s+test error\s+accuracy\s+test acc\.$/);
		expect(lines[1]).toMatch(/^ {2}1 sgd\s+2,000\s+0\.250000\s+0\.300000\s+50\.0 %\s+25\.0 %$/);
		expect(lines[2]).toMatch(/^▶ 2 adam lr 0\.01\s+2,000\s+0\.0123000\s+0\.0200000\s+100 %\s+75\.0 %$/);
	});

	test('narrower than the table: the last columns give way, then the iteration, then the names; never a number cut', () => {
		const wide = laneLines(data);
		expect(wide[0]!.length).toBeGreaterThan(40);
		const narrower = laneLines(data, 50);
		expect(narrower[0]).toMatch(/^\s+lane\s+iteration\s+error\s+test error$/);
		expect(narrower[2]).toMatch(/^▶ 2 adam lr 0\.01\s+2,000\s+0\.0123000\s+0\.0200000$/);
		// the iteration gives way before the names
		expect(laneLines(data, 27)).toEqual(['  lane                error', '  1 sgd            0.250000', '▶ 2 adam lr 0.01  0.0123000']);
		// the lanes panel at 80×24 (25 columns inside): each row on its line, the error whole (the rows wrapped there before)
		const panel = laneLines(data, 25);
		expect(panel).toEqual(['  lane      error', '  1      0.250000', '▶ 2     0.0123000']);
		expect(laneLines(data, 17)).toEqual(panel);
	});

	test('no test error or accuracy columns when the run has none; a lane that ended says so', () => {
		const plainRun: LanesData = {
			selected: 0,
			batchError: true,
			rows: [
				{label: 'lr 0.1', iteration: 40, state: 'diverged', error: Number.NaN, testError: undefined, accuracy: undefined, testAccuracy: undefined},
				{label: 'lr 0.01', iteration: 80, state: 'training', error: 0.5, testError: undefined, accuracy: undefined, testAccuracy: undefined},
			],
		};
		const lines = plain(frameAt(<LanesTable data={plainRun} />)).split('\n');
		expect(lines[0]).toMatch(/^\s+lane\s+iteration\s+batch error\s+state$/);
		expect(lines[1]).toMatch(/^▶ 1 lr 0\.1\s+40\s+NaN\s+diverged$/);
		expect(lines[2]).not.toContain('test');
	});
});

describe('the chart of a race', () => {
	test('a legend names each lane by its flags with its latest error; each curve carries its lane’s number, with or without colour', () => {
		const race = raceOf(300, 2);
		const frame = plain(frameAt(<RaceChart race={race} start={1} iteration={300} logScale={false} width={70} height={16} />));
		for (const [k, lane] of race.lanes.entries()) {
			const latest = formatError(lane.error.lasts.at(-1));
			expect(frame).toContain(`${k === 2 ? '▶' : ''}${k + 1} ${lane.label}: ${latest}`);
		}

		expect(frame).toContain('iterations 1 … 300 · error by lane');
		// the plot's rows: each lane's number on its curve, at its last point among others
		const plot = frame.split('\n').filter(line => line.includes('┤') || line.includes('┼'));
		for (const mark of ['1', '2', '3']) {
			expect(plot.some(line => line.slice(line.search(/[┤┼]/) + 1).includes(mark))).toBe(true);
		}

		// the curves differ: the lanes' last points are on different rows (adam's is lowest)
		const rowOf = (mark: string) => plot.findIndex(line => line.trimEnd().endsWith(mark));
		expect(rowOf('3')).toBeGreaterThan(rowOf('1'));
	});

	test('a narrow chart keeps every number whole: the legend drops a name before a number', () => {
		const race = {...raceOf(50), lanes: raceOf(50).lanes.map(lane => ({...lane, label: `${lane.label} with a long name here`}))};
		const frame = plain(frameAt(<RaceChart race={race} start={1} iteration={50} logScale={false} width={30} height={10} />, 30));
		for (const [k, lane] of race.lanes.entries()) {
			expect(frame).toContain(`${k + 1}: ${formatError(lane.error.lasts.at(-1))}`);
		}

		expect(frame).not.toContain('error by lane');
	});
});

describe('the error surface of a race', () => {
	test('the other lanes’ paths are drawn with their numbers, under the shown lane’s path, and named under it', () => {
		const trainer = new Trainer(runOptions(['--seed', '0']).setup);
		trainer.step(1);
		const view = new SurfaceView();
		let surface = view.view(trainer, {columns: 20, rows: 10, a: 6, b: 7}, 1000);
		for (let calls = 0; !surface && calls < 1000; calls++) {
			surface = view.view(trainer, {columns: 20, rows: 10, a: 6, b: 7}, 1000);
		}

		// a made-up lane's path across the plane, corner to corner
		const [x0, x1] = surface!.x;
		const [y0, y1] = surface!.y;
		const lanes = [{lane: 2, path: {a: [x0, x1], b: [y0, y1]}}];
		const plainLines = drawSurface(surface!, 20, 10, {colour: false}, lanes);
		expect(plainLines.at(-1)![0]).toBe('3');
		expect(plainLines[0]!.at(-1)).toBe('3');
		expect(plainLines.join('').replaceAll(/[^3]/g, '').length).toBeGreaterThanOrEqual(10);
		expect(drawSurface(surface!, 20, 10, {colour: false}).join('')).not.toContain('3');
		expect(surfaceFooter(surface!, 60, {colour: false}, {columns: 20, rows: 10}, 10, lanes).join(' ').replaceAll(/\s+/g, ' ')).toContain('3: the other lanes');
	});
});

describe('a race in the dashboard', () => {
	test('the status line says which lane is shown; 2 shows lane 2 in the weights table; s steps every lane', async () => {
		const dashboard = await openDashboard(RACE, {columns: 120, rows: 40});
		let frame = await dashboard.press('n', text => iterationOf(text) === 100 && text.includes('paused'));
		expect(lineWith(frame, 'descent 3 → 2 → 1')).toContain('lane 1 of 3: lr 0.001');
		expect(laneIterations(frame)).toEqual([100, 100, 100]);
		const before = lineWith(frame, 'W41');
		frame = await dashboard.press('2', text => text.includes('lane 2 of 3: lr 0.01'));
		expect(lineWith(frame, 'W41')).not.toBe(before);
		expect(lineWith(frame, '▶ 2 lr 0.01')).not.toBe('');
		frame = await dashboard.press('s', text => iterationOf(text) === 101);
		expect(laneIterations(frame)).toEqual([101, 101, 101]);
		expect(lineWith(frame, 'space run/pause')).toMatch(/^1-9 lane · /);
	});
});
