/**
 * numpy's legacy generator, bit for bit: `numpy.random.seed(seed)` is MT19937's
 * `init_genrand(seed)`, every `rand()` value is `genrand_res53`, and `uniform`,
 * `permutation` and `standard_normal` draw exactly as numpy's legacy `RandomState` does.
 */
const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

export const MAX_SEED = 0xffffffff;

/** Everything the generator needs to go on exactly where it was: for checkpoints. */
export type RandomState = {
	readonly key: ArrayLike<number>;
	readonly position: number;
	/** numpy keeps the second value of each polar pair for the next `standard_normal`. */
	readonly gauss?: number;
};

export class NumpyRandom {
	private readonly key = new Uint32Array(N);
	private position = N + 1;
	private gauss: number | undefined;

	constructor(seed: number) {
		if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
			throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED}`);
		}

		this.initGenrand(seed);
	}

	static fromState(state: RandomState): NumpyRandom {
		const random = new NumpyRandom(0);
		random.key.set(state.key);
		random.position = state.position;
		random.gauss = state.gauss;
		return random;
	}

	get state(): RandomState {
		return {key: this.key.slice(), position: this.position, ...(this.gauss !== undefined && {gauss: this.gauss})};
	}

	/** A uniform float in [0, 1) with 53 random bits, as `numpy.random.rand()`. */
	rand(): number {
		const a = this.nextUint32() >>> 5;
		const b = this.nextUint32() >>> 6;
		return (a * 67_108_864 + b) / 9_007_199_254_740_992;
	}

	/** `numpy.random.uniform(low, high)`: `low + (high - low) * rand()`. */
	uniform(low: number, high: number): number {
		return low + (high - low) * this.rand();
	}

	/** `numpy.random.standard_normal()`: the polar method, its second value kept for the next call. */
	standardNormal(): number {
		if (this.gauss !== undefined) {
			const kept = this.gauss;
			this.gauss = undefined;
			return kept;
		}

		let x1: number;
		let x2: number;
		let r2: number;
		do {
			x1 = 2 * this.rand() - 1;
			x2 = 2 * this.rand() - 1;
			r2 = x1 * x1 + x2 * x2;
		} while (r2 >= 1 || r2 === 0);

		const f = Math.sqrt((-2 * Math.log(r2)) / r2);
		this.gauss = f * x1;
		return f * x2;
	}

	/** `numpy.random.permutation(n)`: `arange(n)` shuffled from the end, as numpy's legacy shuffle. */
	permutation(n: number): Int32Array {
		const order = new Int32Array(n);
		for (let i = 0; i < n; i++) {
			order[i] = i;
		}

		for (let i = n - 1; i >= 1; i--) {
			const j = this.interval(i);
			const swap = order[i]!;
			order[i] = order[j]!;
			order[j] = swap;
		}

		return order;
	}

	/** A uniform integer in [0, max], by rejection under the smallest all-ones mask (numpy's `rk_interval`). */
	interval(max: number): number {
		if (max === 0) {
			return 0;
		}

		let mask = max;
		mask |= mask >>> 1;
		mask |= mask >>> 2;
		mask |= mask >>> 4;
		mask |= mask >>> 8;
		mask |= mask >>> 16;
		let value: number;
		do {
			value = (this.nextUint32() & mask) >>> 0;
		} while (value > max);

		return value;
	}

	nextUint32(): number {
		if (this.position >= N) {
			this.twist();
		}

		let y = this.key[this.position++]!;
		y ^= y >>> 11;
		y ^= (y << 7) & 0x9d2c5680;
		y ^= (y << 15) & 0xefc60000;
		y ^= y >>> 18;
		return y >>> 0;
	}

	private initGenrand(seed: number): void {
		const mt = this.key;
		mt[0] = seed >>> 0;
		for (let i = 1; i < N; i++) {
			const previous = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
			// 1812433253 * previous + i, modulo 2^32 (Math.imul keeps the low 32 bits)
			mt[i] = (Math.imul(1_812_433_253, previous) + i) >>> 0;
		}

		this.position = N;
	}

	private twist(): void {
		const mt = this.key;
		for (let k = 0; k < N; k++) {
			const y = (mt[k]! & UPPER_MASK) | (mt[(k + 1) % N]! & LOWER_MASK);
			mt[k] = mt[(k + M) % N]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
		}

		this.position = 0;
	}
}

/** A seed for runs started without `--seed`; shown to the user so the run can be repeated. */
export function randomSeed(): number {
	return Math.floor(Math.random() * (MAX_SEED + 1));
}
