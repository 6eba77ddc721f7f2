// One iteration of the tutorial's network, and the chain of derivatives of W41's gradient:
// g1 = dError/dPredicted, g2 = dPredicted/dSOP3, g3 = dSOP3/dW41, and their product.
import {chainOf, PRESETS, Trainer, weightRefs} from 'descent';

const {setup} = PRESETS.get('tutorial-3');
const trainer = new Trainer({...setup, seed: 0});
trainer.step(1);

const w41 = weightRefs(setup.layers, setup.bias).find(ref => ref.name === 'W41');
// the chain of the first (here, the only) sample of the batch, at the learning rate that iteration used
const chain = chainOf(trainer.network, w41, 0, trainer.learningRateAt(0));
console.log(`the chain of ${w41.name} (${w41.from} → ${w41.to}) at iteration ${trainer.iteration}`);
for (const factor of chain.factors) {
	console.log(`${factor.symbol} = ${factor.derivative} = ${factor.formula} = ${factor.value}`);
}

console.log(`gradient = ${chain.factors.map(factor => factor.symbol).join('·')} = ${trainer.network.gradients[w41.index]}`);
