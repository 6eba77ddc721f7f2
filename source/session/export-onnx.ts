import protobuf from 'protobufjs';
import {ACTIVATIONS} from '../core/maths/activations.js';
import {FEATURES, type FeatureName} from '../core/data/features.js';
import {nest} from '../core/shape.js';
import type {Trainer} from '../core/training/trainer.js';
import {ONNX_SCHEMA} from './onnx-schema.js';

/**
 * `--export-onnx`: the network with its weights as an ONNX model in float64, input
 * `[batch, n_in]` and output `[batch, n_out]`: each layer a MatMul by its weights (+ the
 * bias), then its activation's operator; with --features, the features computed from the
 * raw coordinates first, so that the model takes what the dataset gives. Encoded by
 * protobufjs from ONNX's own schema (onnx-schema.ts): this module is loaded only when a
 * model is written.
 */

const DOUBLE = 11;
const INT64 = 7;
// AttributeProto.AttributeType INT
const INT = 2;
const IR_VERSION = 8;
const OPSET = 17;

type Node = {input: string[]; output: string[]; name: string; op_type: string; attribute?: Array<{name: string; type: number; i: number}>};
type Tensor = {name: string; dims: number[]; data_type: number; double_data?: number[]; int64_data?: number[]};

let modelType: protobuf.Type | undefined;

/** Weights at an iteration: the trainer's now, or those kept when a key asked for them. */
export type WeightsAt = {readonly weights: ArrayLike<number>; readonly iteration: number};

/** The model of the trainer's network with these weights, as the bytes of an .onnx file. */
export function onnxModel(trainer: Trainer, features: readonly FeatureName[] | undefined, at?: WeightsAt): Uint8Array {
	const {setup, network} = trainer;
	const {weights, iteration} = at ?? {weights: network.weights, iteration: trainer.iteration};
	const nodes: Node[] = [];
	const initializers: Tensor[] = [];
	const rawInputs = features ? 2 : setup.layers[0]!;
	let previous = features ? featureNodes(features, nodes, initializers) : 'inputs';
	for (const [l, rows] of nest(network.shape, weights).entries()) {
		const layer = l + 1;
		const nIn = setup.layers[l]!;
		const nOut = setup.layers[layer]!;
		// weights[l][j][i] transposed: a column per receiving neuron, so that SOP = input · W
		const columns = Array.from({length: nIn}, (_, i) => rows.map(row => row[i]!)).flat();
		initializers.push({name: `W${layer}`, dims: [nIn, nOut], data_type: DOUBLE, double_data: columns});
		const sop = `SOP${layer}`;
		if (setup.bias) {
			initializers.push({name: `b${layer}`, dims: [nOut], data_type: DOUBLE, double_data: rows.map(row => row[nIn]!)});
			nodes.push({input: [previous, `W${layer}`], output: [`product${layer}`], name: `Σ w · input, layer ${layer}`, op_type: 'MatMul'});
			nodes.push({input: [`product${layer}`, `b${layer}`], output: [sop], name: `+ bias, layer ${layer}`, op_type: 'Add'});
		} else {
			nodes.push({input: [previous, `W${layer}`], output: [sop], name: `Σ w · input, layer ${layer}`, op_type: 'MatMul'});
		}

		const last = layer === network.depth;
		const activation = ACTIVATIONS.entries[last ? setup.outputActivation : setup.activation];
		previous = last ? 'predicted' : `Activ${layer}`;
		nodes.push({input: [sop], output: [previous], name: `${activation.name}, layer ${layer}`, op_type: activation.onnx});
	}

	const tensor = (name: string, size: number) => ({
		name,
		type: {tensor_type: {elem_type: DOUBLE, shape: {dim: [{dim_param: 'batch'}, {dim_value: size}]}}},
	});
	const model = {
		ir_version: IR_VERSION,
		opset_import: [{domain: '', version: OPSET}],
		producer_name: 'descent',
		doc_string: `${setup.layers.join('-')} trained by descent (seed ${setup.seed}) to iteration ${iteration}`,
		graph: {
			name: 'descent',
			node: nodes,
			initializer: initializers,
			input: [tensor(features ? 'coordinates' : 'inputs', rawInputs)],
			output: [tensor('predicted', setup.layers.at(-1)!)],
		},
	};
	modelType ??= protobuf.parse(ONNX_SCHEMA, {keepCase: true}).root.lookupType('onnx.ModelProto');
	return modelType.encode(modelType.fromObject(model)).finish();
}

/** The features from the coordinates' two columns, concatenated as the network's inputs; returns the inputs' name. */
function featureNodes(features: readonly FeatureName[], nodes: Node[], initializers: Tensor[]): string {
	for (const [k, column] of (['x1', 'x2'] as const).entries()) {
		initializers.push({name: `column ${column}`, dims: [1], data_type: INT64, int64_data: [k]});
		nodes.push({
			input: ['coordinates', `column ${column}`],
			output: [column],
			name: `the column ${column}`,
			op_type: 'Gather',
			attribute: [{name: 'axis', type: INT, i: 1}],
		});
	}

	for (const name of features) {
		const [operator, ...inputs] = FEATURES[name].onnx;
		nodes.push({input: inputs, output: [`feature ${name}`], name: `feature ${name}`, op_type: operator});
	}

	nodes.push({
		input: features.map(name => `feature ${name}`),
		output: ['inputs'],
		name: 'the features, in order',
		op_type: 'Concat',
		attribute: [{name: 'axis', type: INT, i: 1}],
	});
	return 'inputs';
}
