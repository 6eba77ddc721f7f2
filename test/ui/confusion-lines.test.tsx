import {afterEach, describe, expect, test} from 'vitest';
import {loadPackaged} from '../../source/cli/packaged.js';
import type {ConfusionData} from '../../source/session/views/confusion.js';
import {ConfusionPanel} from '../../source/ui/components/ConfusionPanel.js';
import {closeDashboards, CUT_NUMBER, frameAt, openDashboard, panelLines, plain} from '../helpers/ui.js';

afterEach(closeDashboards);

/** Ten classes, every sample taken for the first: the list's longest lines. */
const tenClasses: ConfusionData = {
	classes: Array.from({length: 10}, (_, k) => `out${k + 1}`),
	matrix: [32, 27, 27, 34, 39, 29, 26, 29, 27, 30].map(count => Array.from({length: 10}, (_, p) => (p === 0 ? count : 0))),
	test: false,
	hasTest: false,
	total: 300,
	right: 32,
	note: undefined,
};

const iris: ConfusionData = {
	classes: ['setosa', 'versicolor', 'virginica'],
	matrix: [
		[0, 1, 39],
		[0, 32, 8],
		[5, 35, 0],
	],
	test: false,
	hasTest: true,
	total: 120,
	right: 32,
	note: 'inputs standardised: each measurement to mean 0, population standard deviation 1 over the 150 flowers',
};

/** Every count off the diagonal, as the list says it: `27 as out1`. */
function takenAs(data: ConfusionData): string[] {
	return data.matrix.flatMap((row, t) => row.flatMap((count, p) => (p === t || count === 0 ? [] : [`${count} as ${data.classes[p]!}`])));
}

function panelText(data: ConfusionData, width: number, height: number): string[] {
	return plain(frameAt(<ConfusionPanel data={data} colour={false} width={width} height={height} />, width))
		.split('\n')
		.map(line => line.trimEnd());
}

describe('the confusion panel cuts no line (issue 21)', () => {
	// 27: the side panel's text at 80×24 and 120×40; 52: at 200×60 (too narrow for a grid of ten)
	test.each([
		['ten classes', 27, 19, tenClasses],
		['ten classes', 52, 19, tenClasses],
		['iris', 27, 17, iris],
	])('%s at %i columns, %i lines: every line within the width, none cut; the header and every count whole', (_name, width, height, data) => {
		const lines = panelText(data, width, height);
		for (const line of lines) {
			expect(line.length, line).toBeLessThanOrEqual(width);
			expect(line, lines.join('\n')).not.toContain('…');
		}

		const text = lines.join(' ').replaceAll(/\s+/g, ' ');
		expect(text).toMatch(/true: right of all (· )?taken as/);
		for (const taken of takenAs(data)) {
			expect(text, lines.join('\n')).toContain(taken);
		}
	});

	test('a class line longer than the panel is wrapped at its spaces, not dropped', () => {
		const lines = panelText(iris, 12, 30);
		expect(lines.join(' ').replaceAll(/\s+/g, ' ')).toContain('versicolor: 32 of 40');
		for (const line of lines) {
			expect(line.length, line).toBeLessThanOrEqual(12);
			expect(line).not.toContain('…');
		}
	});
});

/** 300 samples of 784 inputs and 10 one-hot targets, a class each in turn. */
function tenClassCsv(): string {
	return Array.from({length: 300}, (_, s) => {
		const inputs = Array.from({length: 784}, (_, k) => ((s * 7 + k) % 10) / 10);
		const targets = Array.from({length: 10}, (_, c) => (c === s % 10 ? 1 : 0));
		return [...inputs, ...targets].join(',');
	}).join('\n');
}

describe('the confusion panel in the dashboard: no line cut at 80×24, 120×40, 200×60', () => {
	const csv = tenClassCsv();
	const runs = {
		'784-512-512-10 over a CSV of 10 classes': {flags: ['--layers', '784,512,512,10', '--data', 'ten.csv'], loaded: {csv}},
		iris: {flags: ['--preset', 'iris'], loaded: {packaged: {name: 'iris' as const, samples: loadPackaged('iris', undefined)}}},
		mnist: {flags: ['--preset', 'mnist', '--samples', '60'], loaded: {packaged: {name: 'mnist' as const, samples: loadPackaged('mnist', 60)}}},
	};
	test.each(Object.keys(runs).flatMap(name => [[name, 80, 24] as const, [name, 120, 40] as const, [name, 200, 60] as const]))(
		'%s at %i×%i',
		async (name, columns, rows) => {
			const run = runs[name as keyof typeof runs];
			const dashboard = await openDashboard([...run.flags, '--seed', '0', '--paused'], {columns, rows, loaded: run.loaded});
			let frame = dashboard.frame();
			if (panelLines(frame, 'Confusion').length === 0) {
				frame = await dashboard.press('C', text => panelLines(text, 'Confusion').length > 0);
			}

			const lines = panelLines(frame, 'Confusion');
			expect(lines.join('\n')).toMatch(/ of [\d,]+ right/);
			for (const line of lines) {
				expect(line, lines.join('\n')).not.toContain('…');
				expect(line).not.toMatch(CUT_NUMBER);
			}
		},
	);
});
