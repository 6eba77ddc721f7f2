/** The network drawn with its numbers, as rows of cells: each neuron with its incoming weights and its numbers; an asked number is `?` until answered. */
import {weightRefs} from '../../core/names.js';
import type {Exercise} from '../../session/exercise/types.js';
import {shown} from './state.js';

/** A label and its number, shown whole on one line or moved to the next. */
export type Cell = {readonly text: string; readonly current?: boolean; readonly dim?: boolean; readonly prefix?: string};

/** Per layer a row per neuron: its name, its incoming weights, then its numbers; then the error, then the asked weights. */
export function networkRows(exercise: Exercise, index: number): Cell[][] {
	const {items, asked, given, worked, network} = exercise;
	const sample = worked.samples[0]!;
	const refs = weightRefs(network.layers, network.bias);
	const cell = (id: string): Cell[] => {
		const item = items.get(id);
		const at = asked.indexOf(id);
		if (!item || (at === -1 && !given.includes(id))) {
			return [];
		}

		return [{text: `${item.label} ${at === -1 || at < index ? shown(item.value) : '?'}`, ...(at === index && {current: true})}];
	};

	const targets = Object.entries(sample.targets).map(([name, t]) => ({
		text: `${Object.keys(sample.targets).length === 1 ? 'target' : `target(${name})`} ${t}`,
	}));
	const rows: Cell[][] = [
		[
			{text: 'inputs', dim: true},
			...Object.entries(sample.inputs).map(([name, x]) => ({text: `${name} ${x}`})),
			...targets,
			{text: `lr ${network.learningRate}`},
		],
	];
	for (const [name, neuron] of Object.entries(sample.neurons)) {
		const weights = refs.filter(ref => ref.to === name).map(ref => ({text: `${ref.name} ${worked.weights[ref.name]!.weight}`}));
		const own = neuron.layer === network.layers.length - 1 ? `output-${name}` : `activation-${name}`;
		const [first, ...numbers] = [...cell(`sop-${name}`), ...cell(own), ...cell(`delta-${name}`)];
		rows.push([{text: name.padEnd(4), dim: true}, ...weights, ...(first ? [{...first, prefix: '│ '}, ...numbers] : [])]);
	}

	const error = cell('error');
	if (error.length > 0) {
		rows.push(error);
	}

	for (const ref of refs) {
		const numbers = [...cell(`gradient-${ref.name}`), ...cell(`new-${ref.name}`)];
		if (numbers.length > 0) {
			rows.push([{text: `${ref.name} ${ref.from} → ${ref.to}`, dim: true}, ...numbers]);
		}
	}

	return rows;
}

/** Cells laid into lines of `width`, two spaces apart; a row that does not fit goes on, indented, on the next line. */
export function layOut(rows: readonly Cell[][], width: number): Cell[][] {
	const size = (cell: Cell) => (cell.prefix ?? '').length + cell.text.length;
	const lines: Cell[][] = [];
	for (const row of rows) {
		let line: Cell[] = [];
		let used = 0;
		for (const cell of row) {
			if (line.length > 0 && used + 2 + size(cell) > width) {
				lines.push(line);
				line = [{text: '   '}];
				used = 3;
			}

			used += (line.length > 0 ? 2 : 0) + size(cell);
			line.push(cell);
		}

		lines.push(line);
	}

	return lines;
}
