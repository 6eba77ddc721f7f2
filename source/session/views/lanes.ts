import type {Series} from '../../core/training/history.js';
import type {Trainer} from '../../core/training/trainer.js';
import type {LaneContext, ViewContext} from './context.js';

/** A lane of a race in the lanes table: where it stands and how well it does. */
export type LaneRow = {
	readonly label: string;
	readonly iteration: number;
	readonly state: 'training' | 'done' | 'diverged';
	/** The last iteration's error (its batch's, before its update); before the first, the initial weights' error once measured. */
	readonly error: number | undefined;
	readonly testError: number | undefined;
	readonly accuracy: number | undefined;
	readonly testAccuracy: number | undefined;
};

export type LanesData = {
	readonly rows: readonly LaneRow[];
	/** The lane the other panels show. */
	readonly selected: number;
	/** The errors are of a mini-batch. */
	readonly batchError: boolean;
};

/** Every lane's curve and name, for the chart and the status line: in each snapshot of a race. */
export type RaceStatus = {
	readonly selected: number;
	readonly lanes: ReadonlyArray<{readonly label: string; readonly error: Series}>;
};

const selectedOf = (trainer: Trainer, lanes: readonly LaneContext[]) =>
	Math.max(
		0,
		lanes.findIndex(lane => lane.trainer === trainer),
	);

/** The lanes table: a row a lane, `trainer` the lane shown. */
export function lanesOf(trainer: Trainer, _request: Record<string, never>, context: ViewContext): LanesData {
	const lanes = context.lanes ?? [];
	return {
		rows: lanes.map(({label, trainer: lane, measured: {weightsError, testError, accuracy, testAccuracy}}) => ({
			label,
			iteration: lane.iteration,
			state: lane.status,
			// before the first iteration, the initial error the status line gives (the weights' error over the training samples)
			error: lane.records.error.latest ?? weightsError,
			testError,
			accuracy,
			testAccuracy,
		})),
		selected: selectedOf(trainer, lanes),
		batchError: !trainer.schedule.fullBatch,
	};
}

export function raceOf(trainer: Trainer, lanes: readonly LaneContext[]): RaceStatus {
	return {selected: selectedOf(trainer, lanes), lanes: lanes.map(lane => ({label: lane.label, error: lane.trainer.records.error.series()}))};
}
