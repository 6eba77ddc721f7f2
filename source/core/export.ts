import type {Trainer} from './trainer.js';

/** Column names of the outputs: `predicted` for one, `predicted_out1`, … for several. */
export function predictedColumns(outputs: number, prefix = 'predicted'): string[] {
	return outputs === 1 ? [prefix] : Array.from({length: outputs}, (_, k) => `${prefix}_out${k + 1}`);
}

/**
 * The error and predicted-output history as CSV: `iteration,error,predicted…`, one row per
 * history bucket (every iteration until the history is full, then evenly spaced ones),
 * each row the values of that exact iteration. Outputs are the first sample's.
 */
export function historyCsv(trainer: Trainer): string {
	const errors = trainer.errorHistory.points();
	const outputs = trainer.outputHistories.map(history => history.points());
	const header = ['iteration', 'error', ...predictedColumns(outputs.length)].join(',');
	const rows = errors.map((point, b) => [point.iteration, point.last, ...outputs.map(series => series[b]!.last)].join(','));
	return [header, ...rows].join('\n') + '\n';
}
