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

/** What the help says of the parts of the screen that are not panels. */
export const NOT_PANELS = {
	status: ['Status', 'network and choices; state, iteration, epoch, rate, time, errors, accuracy.'],
	phases: ['Phases', 'p walks one iteration phase by phase; b goes back an iteration.'],
} as const;
