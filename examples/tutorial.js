// The tutorial's network, 3 inputs → 2 hidden neurons → 1 output, trained for its 80,000
// iterations from numpy.random.seed(0), then every weight by the tutorial's name.
import {PRESETS, Trainer, weightRefs} from 'descent';

const {setup} = PRESETS.get('tutorial-3');
const trainer = new Trainer({...setup, seed: 0});
trainer.step(setup.limit);

console.log(`tutorial-3, seed 0: ${trainer.iteration} iterations, error ${trainer.records.error.latest}`);
for (const ref of weightRefs(setup.layers, setup.bias)) {
	console.log(`${ref.name} (${ref.from} → ${ref.to}) = ${trainer.network.weights[ref.index]}`);
}
