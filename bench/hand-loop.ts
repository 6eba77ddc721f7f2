import {NumpyRandom} from '../source/core/random.js';

export type HandResult = {
	/** W11 W21 W31 W12 W22 W32 W41 W42: the generic network's flat weight order. */
	readonly weights: readonly number[];
	readonly predicted: number;
	readonly error: number;
};

/**
 * The tutorial's 3-2-1 network written out by hand in scalar variables: sigmoid
 * everywhere, squared error, no bias, learning rate 0.001, inputs 0.1, 0.4, 4.1, target 0.2.
 * Products are grouped as the generic trainer groups them, so that both give the same
 * numbers to the last bit (the bench checks it): the speed difference is then all overhead.
 */
export function handLoop(iterations: number, seed = 0): HandResult {
	const random = new NumpyRandom(seed);
	// numpy.random.seed(seed); w1_3 = rand(3); w2_3 = rand(3); w3_2 = rand(2)
	let w11 = random.rand();
	let w21 = random.rand();
	let w31 = random.rand();
	let w12 = random.rand();
	let w22 = random.rand();
	let w32 = random.rand();
	let w41 = random.rand();
	let w42 = random.rand();
	const x1 = 0.1;
	const x2 = 0.4;
	const x3 = 4.1;
	const target = 0.2;
	const learningRate = 0.001;
	let predicted = Number.NaN;
	let error = Number.NaN;
	for (let k = 0; k < iterations; k++) {
		const sop1 = w11 * x1 + w21 * x2 + w31 * x3;
		const sop2 = w12 * x1 + w22 * x2 + w32 * x3;
		const activ1 = 1 / (1 + Math.exp(-sop1));
		const activ2 = 1 / (1 + Math.exp(-sop2));
		const sop3 = w41 * activ1 + w42 * activ2;
		predicted = 1 / (1 + Math.exp(-sop3));
		error = (predicted - target) * (predicted - target);

		const g1 = 2 * (predicted - target); // dError/dPredicted
		const g2 = predicted * (1 - predicted); // dPredicted/dSOP3
		const dSop3 = g1 * g2;
		// through W41 and W42 as they were before this iteration's update
		const dSop1 = w41 * dSop3 * (activ1 * (1 - activ1));
		const dSop2 = w42 * dSop3 * (activ2 * (1 - activ2));

		w41 -= learningRate * (dSop3 * activ1);
		w42 -= learningRate * (dSop3 * activ2);
		w11 -= learningRate * (dSop1 * x1);
		w21 -= learningRate * (dSop1 * x2);
		w31 -= learningRate * (dSop1 * x3);
		w12 -= learningRate * (dSop2 * x1);
		w22 -= learningRate * (dSop2 * x2);
		w32 -= learningRate * (dSop2 * x3);
	}

	return {weights: [w11, w21, w31, w12, w22, w32, w41, w42], predicted, error};
}
