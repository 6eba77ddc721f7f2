// A disc inside a ring (the circle dataset, 200 points, a fifth held out), 2 → 4 → 1 with
// tanh and biases, trained with Adam; then the accuracy on the samples it never trained on.
import {PRESETS, Trainer} from 'descent';

const {setup} = PRESETS.get('circle');
const trainer = new Trainer({...setup, optimizer: 'adam', learningRate: 0.03, seed: 1});
trainer.step(setup.limit);

const {network, data, split, evaluator} = trainer;
const train = evaluator.measure(network.weights, data, split.train);
const test = evaluator.measure(network.weights, data, split.test);
console.log(`circle, adam, seed 1: ${trainer.iteration} iterations`);
console.log(`training samples ${split.train.length}: error ${train.error}, accuracy ${train.accuracy}`);
console.log(`test samples ${split.test.length}: error ${test.error}, accuracy ${test.accuracy}`);
