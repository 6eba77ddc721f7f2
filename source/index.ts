/**
 * descent as a library: the tutorial's network and its training choices, trained exactly as
 * the dashboard trains them (`import {…} from 'descent'`). The surface is small on purpose:
 *
 * - `PRESETS`, `TUTORIAL`: the named runs and the tutorial's choices, as `Setup`s without a seed;
 * - `Trainer`: gradient descent on a `Setup` (`step(n)`, `stepPhase()`, `back()`); its `network`
 *   holds the weights (flat, in the order of `weightRefs`), `records.error.latest` the last
 *   iteration's error, `evaluator.measure` the error and accuracy of any samples;
 * - `weightRefs`: each weight's name as the tutorial writes it (`W11` … `W42`, `w2[3,1]`);
 * - `chainOf`: the chain of derivatives of one weight's gradient, factor by factor;
 * - `generateDataset`, `DATASET_NAMES`: the 2-D datasets of the dashboard.
 *
 * `examples/` uses it; `npm run examples` runs them, and `npm test` checks what they print.
 */
export {PRESETS, TUTORIAL, type Preset} from './core/presets.js';
export type {Setup} from './core/setup.js';
export {Trainer} from './core/training/trainer.js';
export {weightRefs, type WeightRef} from './core/names.js';
export {chainOf, type Chain, type ChainFactor} from './core/maths/chain.js';
export {DATASET_NAMES, generateDataset, type DatasetName} from './core/data/datasets.js';
