import {weightRefAt, type WeightRef} from '../../core/names.js';
import type {Trainer} from '../../core/training/trainer.js';
import {MARGIN, type RowsRequest, type ViewContext, type Window} from './context.js';

export type WeightRow = WeightRef & {
	readonly value: number;
	/** Undefined until the phase that computes them has run. */
	readonly change: number | undefined;
	readonly gradient: number | undefined;
	/** The gradient check's relative difference, when a check of this iteration has run. */
	readonly check: number | undefined;
};

/** The weights table: a window of the weights around the rows on screen and the selected one. */
export function weightsOf(trainer: Trainer, request: RowsRequest, context: ViewContext): Window<WeightRow> {
	const {network} = trainer;
	const total = network.shape.weightCount;
	const selected = context.selected.index;
	const start = Math.max(0, Math.min(request.start, selected) - MARGIN);
	const end = Math.min(total, Math.max(request.start + request.rows, selected + 1) + MARGIN);
	const rows: WeightRow[] = [];
	for (let k = start; k < end; k++) {
		rows.push({
			...weightRefAt(network.shape.layers, network.shape.bias, k),
			value: network.weights[k]!,
			change: context.changes ? network.changes[k] : undefined,
			gradient: context.gradients ? network.gradients[k] : undefined,
			check: context.checked?.get(k),
		});
	}

	return {start, total, rows};
}
