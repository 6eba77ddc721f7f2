import {INITIALISATIONS} from '../core/maths/initialisations.js';
import {OPTIMIZERS} from '../core/maths/optimizers.js';
import {nest} from '../core/shape.js';
import type {Trainer} from '../core/training/trainer.js';

/**
 * Where the exported script starts: the run's beginning, drawn from numpy's seed as the
 * trainer draws it, or (a checkpoint, the dashboard mid-run) the trainer's state written
 * out, so that the script continues exactly where descent is.
 */

/** A number as Python reads it back to the same double. */
export function py(value: number): string {
	if (Number.isNaN(value)) {
		return 'math.nan';
	}

	if (!Number.isFinite(value)) {
		return value > 0 ? 'math.inf' : '-math.inf';
	}

	if (Object.is(value, -0)) {
		return '-0.0';
	}

	const text = String(value);
	return /[.en]/.test(text) ? text : `${text}.0`;
}

/** A list of numbers, `[a, b, c]`. */
export function pyList(values: ArrayLike<number>, format: (value: number) => string = py): string {
	return `[${Array.from(values, format).join(', ')}]`;
}

/** A list of float64 arrays, one per weight layer, each `weights[l][j, i]`. */
function layerArrays(trainer: Trainer, flat: ArrayLike<number>): string {
	const nested = nest(trainer.network.shape, flat);
	const layers = nested.map(rows => `    np.array([\n${rows.map(row => `        ${pyList(row)},`).join('\n')}\n    ], dtype=np.float64),`);
	return `[\n${layers.join('\n')}\n]`;
}

/** The start of the run: the seed, the initial weights, the test split, the optimizer's buffers at 0. */
export function freshStart(trainer: Trainer): string[] {
	const {setup} = trainer;
	const lines = ['# numpy.random.seed: the same generator descent reproduces, bit for bit', 'np.random.seed(SEED)', ''];
	if (setup.weights) {
		lines.push(
			'# The initial weights, given by hand (--weights): nothing is drawn for them.',
			'# weights[l][j, i] is from neuron i of layer l to neuron j of layer l + 1 (a bias last in its row).',
			`weights = ${layerArrays(trainer, trainer.initialWeights)}`,
		);
	} else {
		lines.push(
			'# The initial weights, one draw per row, layer by layer: weights[l][j, i] is from neuron i',
			`# of layer l to neuron j of layer l + 1${setup.bias ? ' (the bias last in its row)' : ''}. ${INITIALISATIONS.entries[setup.init].description}.`,
			'weights = []',
			'for l in range(DEPTH):',
			'    n_in, n_out = LAYERS[l], LAYERS[l + 1]',
			`    row = n_in${setup.bias ? ' + 1' : ''}`,
			`    weights.append(np.array([${INITIALISATIONS.entries[setup.init].numpy} for j in range(n_out)]))`,
		);
	}

	lines.push('');
	if (setup.test > 0) {
		lines.push(
			'# The test samples: numpy.random.permutation(n); its first floor(TEST · n) entries test, the rest train',
			'permutation = np.random.permutation(len(INPUTS))',
			'test_samples = np.array(sorted(permutation[: math.floor(TEST * len(INPUTS))]), dtype=np.int64)',
		);
	} else {
		lines.push('test_samples = np.array([], dtype=np.int64)  # every sample trains');
	}

	lines.push('train_samples = np.array([s for s in range(len(INPUTS)) if s not in set(test_samples)], dtype=np.int64)', '');
	const {buffers} = OPTIMIZERS.entries[setup.optimizer];
	if (buffers.length > 0) {
		lines.push(`# ${setup.optimizer}'s buffers, one array per weight layer, all 0 at the start`);
		lines.push(...buffers.map(name => `${name} = [np.zeros_like(w) for w in weights]`));
		if (OPTIMIZERS.entries[setup.optimizer].counted) {
			lines.push('step = 0');
		}
	}

	lines.push('start = 0  # iterations done', 'learning_rate = LEARNING_RATE');
	if (!trainer.schedule.fullBatch) {
		lines.push('cursor = 0  # training samples of this epoch used so far');
	}

	return lines;
}

/** descent's state written out: the weights, the optimizer's buffers, the generator and the epoch, the test split as it was drawn. */
export function stateStart(trainer: Trainer): string[] {
	const state = trainer.saveTraining();
	const at = state.iteration;
	const lines = [
		`# Where descent was: the run at iteration ${at}, so that this script continues it exactly.`,
		'# weights[l][j, i] is from neuron i of layer l to neuron j of layer l + 1' + (trainer.setup.bias ? ' (the bias last in its row).' : '.'),
		`weights = ${layerArrays(trainer, state.weights)}`,
		'',
	];
	const {buffers} = OPTIMIZERS.entries[trainer.setup.optimizer];
	if (buffers.length > 0) {
		lines.push(`# ${trainer.setup.optimizer}'s buffers at iteration ${at}`);
		for (const [k, name] of buffers.entries()) {
			lines.push(`${name} = ${layerArrays(trainer, state.optimizer.buffers[k]!)}`);
		}

		if (OPTIMIZERS.entries[trainer.setup.optimizer].counted) {
			lines.push(`step = ${state.optimizer.step}  # Adam's t: updates so far`);
		}

		lines.push('');
	}

	lines.push(
		'# The test samples, drawn at the start of the run (numpy.random.permutation), and those that train',
		`test_samples = np.array(${pyList(trainer.split.test, String)}, dtype=np.int64)`,
		`train_samples = np.array(${pyList(trainer.split.train, String)}, dtype=np.int64)`,
	);
	if (!trainer.schedule.fullBatch) {
		const {key, position, gauss} = state.random;
		lines.push(
			'',
			"# numpy's generator where descent's is: the next epochs' orders come from it",
			`np.random.set_state(("MT19937", np.array(${pyList(key, String)}, dtype=np.uint32), ${position}, ${gauss === undefined ? '0, 0.0' : `1, ${py(gauss)}`}))`,
			'# this epoch: its order of the training samples, and how many of them it has used',
			`order = np.array(${pyList(state.epoch.order, String)}, dtype=np.int64)`,
			`cursor = ${state.epoch.cursor}`,
		);
	}

	lines.push('', `start = ${at}  # iterations done`, `learning_rate = ${py(state.learningRate)}  # the learning rate now${changesNote(trainer)}`);
	return lines;
}

/** The learning rates set during the run ([ and ]), for the record: the state already holds their effect. */
function changesNote(trainer: Trainer): string {
	const changes = trainer.learningRates.changes;
	if (changes.length === 0) {
		return '';
	}

	const steps = changes.map(change => `${py(change.learningRate)} from update ${change.iteration + 1}`).join(', ');
	return `; set during the run with [ and ]: ${steps}`;
}
