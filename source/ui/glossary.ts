/** The words of the screen, each with the tutorial's name for it: the help's glossary. */
export const GLOSSARY: ReadonlyArray<readonly [string, string]> = [
	['SOP', 'sum of products: Σ w · input (+ bias), a neuron before its activation (SOP1, SOP2, SOP3)'],
	['activation', "the neuron's output, f(SOP) (Activ1, Activ2; the output's is Predicted)"],
	['error', 'how far Predicted is from the target: (Predicted − target)², the mean over the batch'],
	['δ', 'dError/dSOP of a neuron: what backpropagation carries back, layer by layer'],
	['g1 … g5', 'the chain of one weight: g1 = dError/dPredicted, g2 = dPredicted/dSOP3, g3 = dSOP3/dActiv1, g4 = dActiv1/dSOP1, g5 = dSOP1/dW11'],
	['gradient', 'dError/dw, the product of the chain (the mean over the batch): how the error moves with w'],
	['learning rate', 'lr: how far one update moves a weight, w = w − lr · gradient'],
	['epoch', 'one pass over every training sample'],
	['batch', 'the samples one update averages over; all of them unless --batch'],
	['iteration', 'one update: forward pass, error, backward pass, gradients, new weights'],
];

/** One sentence a panel. */
export const PANELS: ReadonlyArray<readonly [string, string]> = [
	['Status', 'network and choices; state, iteration, epoch, rate, time, errors, accuracy.'],
	['Weights', 'each weight (the tutorial’s W11 to W42): value, last change, gradient.'],
	['Chart', 'the error from the first iteration to the latest; c: predicted output.'],
	['Chain', "the selected weight's gradient as a product of derivatives, then its change."],
	['Samples', "each sample's inputs, predicted output, target and error."],
	['Network', "each neuron's activation for one sample, a glyph per incoming weight."],
	['Map', 'with 2-D data: the output over the input plane, the samples on it.'],
	['Phases', 'p walks one iteration phase by phase; b goes back an iteration.'],
];
