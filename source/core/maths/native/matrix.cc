// The batched matrix path (source/core/training/matrix.ts): one iteration's forward pass,
// error, backward pass and gradients over a whole batch, as blocked matrix products. Built by
// build.mjs with the machine's C++ compiler into dist/matrix.node; where it cannot be built
// or loaded, the trainer keeps its scalar path. The maths is that of the registries
// (activations.ts, losses.ts), written here again for whole layers; matrix.ts passes a
// choice only when it is one of the codes below, else the scalar path trains.
#include <node_api.h>

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <cstdint>
#include <cstring>
#include <vector>

#ifdef __AVX2__
#include <immintrin.h>
// glibc's vector maths (libmvec), 4 values at a time, within 4 units in the last place
extern "C" __m256d _ZGVdN4v_exp(__m256d);
extern "C" __m256d _ZGVdN4v_tanh(__m256d);
#endif

namespace {

enum Activation { SIGMOID = 0, TANH = 1, RELU = 2, LINEAR = 3, SOFTMAX = 4 };
enum Loss { SQUARED = 0, CROSS_ENTROPY = 1 };
constexpr int MAX_LAYERS = 16;

#ifdef __AVX512F__
// R rows of out (from a and out as given) × 16 columns from j0, the lanes past the last
// column masked out (m0: columns j0 … j0 + 7, m1: the next 8); each value summed over k in
// order. Row r's k-th factor is a[r·lda + k], or with AT (a transposed) a[k·lda + r].
template <int R, bool AT>
void block16(const double* a, int lda, const double* b, int ldb, double* out, int ldo, int inner, int j0, __mmask8 m0, __mmask8 m1) {
	__m512d c0[R], c1[R];
	// every loop over r unrolled, so that the accumulators stay in registers (else GCC keeps them on the stack)
#pragma GCC unroll 8
	for (int r = 0; r < R; r++) c0[r] = _mm512_setzero_pd(), c1[r] = _mm512_setzero_pd();
	for (int k = 0; k < inner; k++) {
		const double* bk = b + static_cast<size_t>(k) * ldb + j0;
		const __m512d b0 = _mm512_maskz_loadu_pd(m0, bk), b1 = _mm512_maskz_loadu_pd(m1, bk + 8);
#pragma GCC unroll 8
		for (int r = 0; r < R; r++) {
			const __m512d x = _mm512_set1_pd(AT ? a[static_cast<size_t>(k) * lda + r] : a[static_cast<size_t>(r) * lda + k]);
			c0[r] = _mm512_fmadd_pd(x, b0, c0[r]);
			c1[r] = _mm512_fmadd_pd(x, b1, c1[r]);
		}
	}
#pragma GCC unroll 8
	for (int r = 0; r < R; r++) {
		double* o = out + static_cast<size_t>(r) * ldo + j0;
		_mm512_mask_storeu_pd(o, m0, c0[r]), _mm512_mask_storeu_pd(o + 8, m1, c1[r]);
	}
}

// out[s·ldo + j] = Σ_k a[s·lda + k] · b[k·ldb + j] for s < rows, j < cols (with AT: a[k·lda + s]);
// summed over k in order, one fused multiply-add a term (the same numbers as the AVX2 kernel
// below): 8 rows × 16 columns at a time in 16 of the 32 vector registers, 2 loads of b for
// 16 multiply-adds
template <bool AT>
void product(const double* a, int lda, const double* b, int ldb, double* out, int ldo, int rows, int inner, int cols) {
	for (int j0 = 0; j0 < cols; j0 += 16) {
		const int left = cols - j0;
		const auto m0 = static_cast<__mmask8>(left >= 8 ? 0xff : (1u << left) - 1);
		const auto m1 = static_cast<__mmask8>(left >= 16 ? 0xff : left > 8 ? (1u << (left - 8)) - 1 : 0);
		int s = 0;
		// row s of a: its first factor
		auto from = [&](int row) { return AT ? a + row : a + static_cast<size_t>(row) * lda; };
		for (; s + 8 <= rows; s += 8) block16<8, AT>(from(s), lda, b, ldb, out + static_cast<size_t>(s) * ldo, ldo, inner, j0, m0, m1);
		const double* as = from(s);
		double* os = out + static_cast<size_t>(s) * ldo;
		switch (rows - s) {
			case 7: block16<7, AT>(as, lda, b, ldb, os, ldo, inner, j0, m0, m1); break;
			case 6: block16<6, AT>(as, lda, b, ldb, os, ldo, inner, j0, m0, m1); break;
			case 5: block16<5, AT>(as, lda, b, ldb, os, ldo, inner, j0, m0, m1); break;
			case 4: block16<4, AT>(as, lda, b, ldb, os, ldo, inner, j0, m0, m1); break;
			case 3: block16<3, AT>(as, lda, b, ldb, os, ldo, inner, j0, m0, m1); break;
			case 2: block16<2, AT>(as, lda, b, ldb, os, ldo, inner, j0, m0, m1); break;
			case 1: block16<1, AT>(as, lda, b, ldb, os, ldo, inner, j0, m0, m1); break;
			default: break;
		}
	}
}

void multiply(const double* a, int lda, const double* b, int ldb, double* out, int ldo, int rows, int inner, int cols) {
	product<false>(a, lda, b, ldb, out, ldo, rows, inner, cols);
}

// out = aᵀ · b for a laid out inner × rows (lda apart): multiply of a's transpose without making it
void multiplyTransposed(const double* a, int lda, const double* b, int ldb, double* out, int ldo, int rows, int inner, int cols, double*) {
	product<true>(a, lda, b, ldb, out, ldo, rows, inner, cols);
}
#else
// out[s·ldo + j] = Σ_k a[s·lda + k] · b[k·ldb + j] for s < rows, j < cols; summed over k in order
void multiply(const double* a, int lda, const double* b, int ldb, double* out, int ldo, int rows, int inner, int cols) {
	constexpr int R = 4, C = 8;
	const int wide = cols - cols % C;
	int s = 0;
	for (; s + R <= rows; s += R) {
		for (int j0 = 0; j0 < wide; j0 += C) {
			const double* a0 = a + static_cast<size_t>(s) * lda;
			const double* a1 = a0 + lda;
			const double* a2 = a1 + lda;
			const double* a3 = a2 + lda;
#ifdef __AVX2__
			__m256d c00 = _mm256_setzero_pd(), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
			for (int k = 0; k < inner; k++) {
				const double* bk = b + static_cast<size_t>(k) * ldb + j0;
				const __m256d b0 = _mm256_loadu_pd(bk), b1 = _mm256_loadu_pd(bk + 4);
				__m256d x = _mm256_broadcast_sd(a0 + k);
				c00 = _mm256_fmadd_pd(x, b0, c00), c01 = _mm256_fmadd_pd(x, b1, c01);
				x = _mm256_broadcast_sd(a1 + k);
				c10 = _mm256_fmadd_pd(x, b0, c10), c11 = _mm256_fmadd_pd(x, b1, c11);
				x = _mm256_broadcast_sd(a2 + k);
				c20 = _mm256_fmadd_pd(x, b0, c20), c21 = _mm256_fmadd_pd(x, b1, c21);
				x = _mm256_broadcast_sd(a3 + k);
				c30 = _mm256_fmadd_pd(x, b0, c30), c31 = _mm256_fmadd_pd(x, b1, c31);
			}
			double* o = out + static_cast<size_t>(s) * ldo + j0;
			_mm256_storeu_pd(o, c00), _mm256_storeu_pd(o + 4, c01), o += ldo;
			_mm256_storeu_pd(o, c10), _mm256_storeu_pd(o + 4, c11), o += ldo;
			_mm256_storeu_pd(o, c20), _mm256_storeu_pd(o + 4, c21), o += ldo;
			_mm256_storeu_pd(o, c30), _mm256_storeu_pd(o + 4, c31);
#else
			const double* rows4[R] = {a0, a1, a2, a3};
			double acc[R][C] = {};
			for (int k = 0; k < inner; k++) {
				const double* bk = b + static_cast<size_t>(k) * ldb + j0;
				for (int r = 0; r < R; r++)
					for (int c = 0; c < C; c++) acc[r][c] += rows4[r][k] * bk[c];
			}
			for (int r = 0; r < R; r++)
				for (int c = 0; c < C; c++) out[static_cast<size_t>(s + r) * ldo + j0 + c] = acc[r][c];
#endif
		}
	}
	for (; s < rows; s++) {
		for (int j0 = 0; j0 < wide; j0 += C) {
			double acc[C] = {};
			for (int k = 0; k < inner; k++) {
				const double x = a[static_cast<size_t>(s) * lda + k];
				const double* bk = b + static_cast<size_t>(k) * ldb + j0;
				for (int c = 0; c < C; c++) acc[c] += x * bk[c];
			}
			for (int c = 0; c < C; c++) out[static_cast<size_t>(s) * ldo + j0 + c] = acc[c];
		}
	}
#ifdef __AVX2__
	// the last columns (fewer than 8) four at a time, the lanes past the end masked out
	for (int j0 = wide; j0 < cols; j0 += 4) {
		const __m256i mask = _mm256_cmpgt_epi64(_mm256_set1_epi64x(cols - j0), _mm256_set_epi64x(3, 2, 1, 0));
		for (s = 0; s < rows; s++) {
			const double* as = a + static_cast<size_t>(s) * lda;
			__m256d acc = _mm256_setzero_pd();
			for (int k = 0; k < inner; k++) acc = _mm256_fmadd_pd(_mm256_broadcast_sd(as + k), _mm256_maskload_pd(b + static_cast<size_t>(k) * ldb + j0, mask), acc);
			_mm256_maskstore_pd(out + static_cast<size_t>(s) * ldo + j0, mask, acc);
		}
	}
#else
	for (s = 0; s < rows; s++) {
		for (int j = wide; j < cols; j++) {
			double sum = 0;
			for (int k = 0; k < inner; k++) sum += a[static_cast<size_t>(s) * lda + k] * b[static_cast<size_t>(k) * ldb + j];
			out[static_cast<size_t>(s) * ldo + j] = sum;
		}
	}
#endif
}

#endif


void transpose(const double* in, int rows, int cols, int ld, double* out) {
	for (int r = 0; r < rows; r++)
		for (int c = 0; c < cols; c++) out[static_cast<size_t>(c) * rows + r] = in[static_cast<size_t>(r) * ld + c];
}

#ifndef __AVX512F__
// out = aᵀ · b for a laid out inner × rows (lda apart): a's transpose made in work, then multiply
void multiplyTransposed(const double* a, int lda, const double* b, int ldb, double* out, int ldo, int rows, int inner, int cols, double* work) {
	transpose(a, inner, rows, lda, work);
	multiply(work, inner, b, ldb, out, ldo, rows, inner, cols);
}
#endif

// exp or tanh of every value, in place where in == out
void exps(const double* in, double* out, size_t n, bool negate) {
	size_t k = 0;
#ifdef __AVX2__
	const __m256d sign = _mm256_set1_pd(negate ? -0.0 : 0.0);
	for (; k + 4 <= n; k += 4) _mm256_storeu_pd(out + k, _ZGVdN4v_exp(_mm256_xor_pd(_mm256_loadu_pd(in + k), sign)));
#endif
	for (; k < n; k++) out[k] = std::exp(negate ? -in[k] : in[k]);
}

void tanhs(const double* in, double* out, size_t n) {
	size_t k = 0;
#ifdef __AVX2__
	for (; k + 4 <= n; k += 4) _mm256_storeu_pd(out + k, _ZGVdN4v_tanh(_mm256_loadu_pd(in + k)));
#endif
	for (; k < n; k++) out[k] = std::tanh(in[k]);
}

// Activation of every SOP: a[x] = f(z[x]); softmax row by row, as activations.ts's softmax
void activate(int kind, const double* z, double* a, int rows, int cols) {
	const size_t n = static_cast<size_t>(rows) * cols;
	switch (kind) {
		case SIGMOID:
			exps(z, a, n, true);
			for (size_t k = 0; k < n; k++) a[k] = 1 / (1 + a[k]);
			break;
		case TANH:
			tanhs(z, a, n);
			break;
		case RELU:
			for (size_t k = 0; k < n; k++) a[k] = z[k] > 0 ? z[k] : 0;
			break;
		case LINEAR:
			std::memcpy(a, z, n * sizeof(double));
			break;
		case SOFTMAX:
			for (int s = 0; s < rows; s++) {
				const double* zs = z + static_cast<size_t>(s) * cols;
				double* as = a + static_cast<size_t>(s) * cols;
				double largest = -INFINITY;
				for (int k = 0; k < cols; k++) largest = std::fmax(largest, zs[k]);
				double sum = 0;
				for (int k = 0; k < cols; k++) {
					as[k] = std::exp(zs[k] - largest);
					sum += as[k];
				}
				for (int k = 0; k < cols; k++) as[k] = as[k] / sum;
			}
			break;
	}
}

// dActivation/dSOP from the SOP and the activation, as activations.ts's derivatives
inline double derivative(int kind, double z, double a) {
	switch (kind) {
		case SIGMOID: return a * (1 - a);
		case TANH: return 1 - a * a;
		case RELU: return z > 0 ? 1 : 0;
		default: return 1;
	}
}

inline double outputError(int loss, int output, double p, double t) {
	if (loss == SQUARED) return (p - t) * (p - t);
	if (output == SOFTMAX) return -(t * std::log(p));
	return -(t * std::log(p) + (1 - t) * std::log(1 - p));
}

struct Arrays {
	double* weights;
	double* gradients;
	double* targets;
	double* activations[MAX_LAYERS];
	double* sops[MAX_LAYERS];
	double* deltas[MAX_LAYERS];
};

struct Config {
	int depth, bias, hidden, output, loss, batch;
	bool errorOnly;  // the forward pass and the error alone (a test error)
	bool helped;     // whether the second half of a split batch may run on a helper thread
	int layers[MAX_LAYERS];
};

// Samples from which a batch is split in two halves, one on a helper thread: below it the
// hand-over costs more than the half saves. The split depends on the batch size alone, so
// that a run gives the same numbers on one core or two.
constexpr int SPLIT_SAMPLES = 128;

struct Layout {
	int offset[MAX_LAYERS];
	int stride[MAX_LAYERS];
	int weights;
};

Layout layoutOf(const Config& c) {
	Layout layout{};
	int o = 0;
	for (int l = 0; l < c.depth; l++) {
		layout.offset[l] = o;
		layout.stride[l] = c.layers[l] + (c.bias ? 1 : 0);
		o += layout.stride[l] * c.layers[l + 1];
	}
	layout.weights = o;
	return layout;
}

thread_local std::vector<double> scratch;

// Samples [first, first + count) of the batch: their forward pass, their error (returned,
// summed sample by sample), and unless errorOnly their δs and the sums over them of each
// weight's δ · input (into sums, laid out as the weights; not yet divided by the batch)
double passes(const Config& c, const Arrays& x, const Layout& layout, int first, int count, double* sums) {
	const int S = count;
	size_t need = 0;
	for (int l = 0; l <= c.depth; l++) need = std::max(need, static_cast<size_t>(c.layers[l]) * std::max(S, c.layers[l < c.depth ? l + 1 : l]));
	if (scratch.size() < need) scratch.resize(need);
	double* work = scratch.data();
	auto rows = [&](double* const* buffers, int l) { return buffers[l] + static_cast<size_t>(first) * c.layers[l]; };
	double* const* A = x.activations;
	double* const* Z = x.sops;
	double* const* D = x.deltas;
	const int* offset = layout.offset;
	const int* stride = layout.stride;

	for (int l = 1; l <= c.depth; l++) {
		const int nIn = c.layers[l - 1], nOut = c.layers[l];
		const double* w = x.weights + offset[l - 1];
		transpose(w, nOut, nIn, stride[l - 1], work);  // W's rows as columns: nIn × nOut
		double* z = rows(Z, l);
		multiply(rows(A, l - 1), nIn, work, nOut, z, nOut, S, nIn, nOut);
		if (c.bias)
			for (int s = 0; s < S; s++)
				for (int j = 0; j < nOut; j++) z[static_cast<size_t>(s) * nOut + j] += w[static_cast<size_t>(j) * stride[l - 1] + nIn];
		activate(l == c.depth ? c.output : c.hidden, z, rows(A, l), S, nOut);
	}

	const int nLast = c.layers[c.depth];
	const double* p = rows(A, c.depth);
	const double* zLast = rows(Z, c.depth);
	const double* t = x.targets + static_cast<size_t>(first) * nLast;
	double total = 0;
	for (int s = 0; s < S; s++) {
		double sampleError = 0;
		for (int k = 0; k < nLast; k++) sampleError += outputError(c.loss, c.output, p[s * nLast + k], t[s * nLast + k]);
		total += sampleError;
	}
	if (c.errorOnly) return total;
	const size_t outs = static_cast<size_t>(S) * nLast;
	double* dLast = rows(D, c.depth);
	for (size_t k = 0; k < outs; k++) {
		const double diff = p[k] - t[k];
		dLast[k] = c.loss == CROSS_ENTROPY ? diff : 2 * diff * derivative(c.output, zLast[k], p[k]);
	}

	for (int l = c.depth - 1; l >= 1; l--) {
		const int n = c.layers[l], nNext = c.layers[l + 1];
		double* d = rows(D, l);
		multiply(rows(D, l + 1), nNext, x.weights + offset[l], stride[l], d, n, S, nNext, n);
		const double* z = rows(Z, l);
		const double* a = rows(A, l);
		const size_t size = static_cast<size_t>(S) * n;
		for (size_t k = 0; k < size; k++) d[k] *= derivative(c.hidden, z[k], a[k]);
	}

	for (int l = 0; l < c.depth; l++) {
		const int nIn = c.layers[l], nOut = c.layers[l + 1];
		const double* d = rows(D, l + 1);
		double* g = sums + offset[l];
		multiplyTransposed(d, nOut, rows(A, l), nIn, g, stride[l], nOut, S, nIn, work);  // Σ_s δ[s, j] · a[s, i]
		if (c.bias) {
			for (int j = 0; j < nOut; j++) {
				double sum = 0;
				for (int s = 0; s < S; s++) sum += d[static_cast<size_t>(s) * nOut + j];
				g[static_cast<size_t>(j) * stride[l] + nIn] = sum;
			}
		}
	}
	return total;
}

// A thread that runs one job at a time for the thread that owns it (a Node thread: the main
// one or a worker), so that a batch's two halves train on both cores
class Helper {
public:
	Helper() : thread_([this] { loop(); }) {}
	~Helper() {
		{
			std::lock_guard<std::mutex> lock(mutex_);
			stop_ = true;
			posted_++;
		}
		wake_.notify_one();
		thread_.join();
	}
	void post(std::function<void()> job) {
		{
			std::lock_guard<std::mutex> lock(mutex_);
			job_ = std::move(job);
			posted_++;
		}
		wake_.notify_one();
	}
	void wait() {
		const unsigned target = posted_;
		for (int spin = 0; done_.load(std::memory_order_acquire) != target; spin++) {
			if (spin > 4000) std::this_thread::yield();
#ifdef __AVX2__
			else _mm_pause();
#endif
		}
	}

private:
	void loop() {
		unsigned seen = 0;
		for (;;) {
			std::function<void()> job;
			{
				std::unique_lock<std::mutex> lock(mutex_);
				wake_.wait(lock, [&] { return posted_ != seen; });
				seen = posted_;
				if (stop_) return;
				job = std::move(job_);
			}
			job();
			done_.store(seen, std::memory_order_release);
		}
	}
	std::mutex mutex_;
	std::condition_variable wake_;
	unsigned posted_ = 0;
	std::atomic<unsigned> done_{0};
	bool stop_ = false;
	std::function<void()> job_;
	std::thread thread_;
};

thread_local std::vector<double> otherSums;

// The batch's mean data loss; unless errorOnly, its gradients (mean over the batch, no penalty)
double iterate(const Config& c, const Arrays& x) {
	static thread_local Helper helper;
	const Layout layout = layoutOf(c);
	const int S = c.batch;
	if (S < SPLIT_SAMPLES) {
		const double total = passes(c, x, layout, 0, S, x.gradients);
		if (!c.errorOnly)
			for (int k = 0; k < layout.weights; k++) x.gradients[k] = x.gradients[k] / S;
		return total / S;
	}
	const int half = S / 2;
	if (otherSums.size() < static_cast<size_t>(layout.weights)) otherSums.resize(layout.weights);
	double* other = otherSums.data();
	double second = 0;
	static const bool twoCores = std::thread::hardware_concurrency() >= 2;
	const bool helped = twoCores && c.helped;
	if (helped) helper.post([&] { second = passes(c, x, layout, half, S - half, other); });
	const double firstTotal = passes(c, x, layout, 0, half, x.gradients);
	if (helped) helper.wait();
	else second = passes(c, x, layout, half, S - half, other);
	if (!c.errorOnly)
		for (int k = 0; k < layout.weights; k++) x.gradients[k] = (x.gradients[k] + other[k]) / S;
	return (firstTotal + second) / S;
}

// Adam's update of every weight, as optimizers.ts writes it, operation for operation and
// without fused multiply-adds, so that it gives the TypeScript's numbers to the last bit (the
// vector instructions round each operation as the scalar ones do); false when a weight is no
// longer finite. Its arrays never overlap (__restrict), and finiteness is read from the
// exponent's bits, so that the loop runs on whole vectors.
__attribute__((optimize("fp-contract=off"))) bool adam(double* __restrict w, double* __restrict previous, const double* __restrict g,
                                                       double* __restrict change, double* __restrict m, double* __restrict v, size_t n,
                                                       double rate, double correction1, double correction2) {
	constexpr uint64_t EXPONENT = 0x7ff0000000000000ull;  // all ones: infinite or NaN
	uint64_t notFinite = 0;
	for (size_t k = 0; k < n; k++) {
		const double mk = 0.9 * m[k] + 0.1 * g[k];
		const double vk = 0.999 * v[k] + 0.001 * (g[k] * g[k]);
		m[k] = mk;
		v[k] = vk;
		const double c = -((rate * (mk / correction1)) / (std::sqrt(vk / correction2) + 1e-8));
		change[k] = c;
		previous[k] = w[k];
		const double weight = w[k] + c;
		w[k] = weight;
		uint64_t bits;
		std::memcpy(&bits, &weight, sizeof bits);
		notFinite |= (bits & EXPONENT) == EXPONENT ? 1 : 0;
	}
	return notFinite == 0;
}

double* dataOf(napi_env env, napi_value value) {
	void* data = nullptr;
	size_t length = 0;
	napi_typedarray_type type;
	if (napi_get_typedarray_info(env, value, &type, &length, &data, nullptr, nullptr) != napi_ok || type != napi_float64_array) return nullptr;
	return static_cast<double*>(data);
}

// iterate(config: Int32Array [depth, bias, hidden, output, loss, batch, errorOnly, helped, ...layers],
//         weights, gradients, targets, ...activations (depth + 1), ...sops, ...deltas): the error
// (the batch's mean data loss); with errorOnly, gradients and deltas are left as they are
napi_value Iterate(napi_env env, napi_callback_info info) {
	napi_value argv[4 + 3 * MAX_LAYERS];
	size_t argc = 4 + 3 * MAX_LAYERS;
	napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
	Config c{};
	Arrays x{};
	int32_t* config = nullptr;
	size_t length = 0;
	napi_typedarray_type type;
	bool ok = argc >= 4 && napi_get_typedarray_info(env, argv[0], &type, &length, reinterpret_cast<void**>(&config), nullptr, nullptr) == napi_ok &&
	          type == napi_int32_array && length >= 10;
	if (ok) {
		c.depth = config[0], c.bias = config[1], c.hidden = config[2], c.output = config[3], c.loss = config[4], c.batch = config[5];
		c.errorOnly = config[6] != 0;
		c.helped = config[7] != 0;
		ok = c.depth >= 1 && c.depth < MAX_LAYERS && length == static_cast<size_t>(9 + c.depth) && argc == static_cast<size_t>(4 + 3 * (c.depth + 1)) && c.batch >= 1;
	}
	for (int l = 0; ok && l <= c.depth; l++) c.layers[l] = config[8 + l];
	if (ok) {
		x.weights = dataOf(env, argv[1]), x.gradients = dataOf(env, argv[2]), x.targets = dataOf(env, argv[3]);
		ok = x.weights && x.gradients && x.targets;
		for (int l = 0; ok && l <= c.depth; l++) {
			x.activations[l] = dataOf(env, argv[4 + l]);
			x.sops[l] = dataOf(env, argv[5 + c.depth + l]);
			x.deltas[l] = dataOf(env, argv[6 + 2 * c.depth + l]);
			ok = x.activations[l] && x.sops[l] && x.deltas[l];
		}
	}
	if (!ok) {
		napi_throw_type_error(env, nullptr, "matrix.iterate: bad arguments");
		return nullptr;
	}
	napi_value result;
	napi_create_double(env, iterate(c, x), &result);
	return result;
}

// adam(weights, previousWeights, gradients, changes, m, v, learningRate, correction1, correction2): whether every weight is finite
napi_value Adam(napi_env env, napi_callback_info info) {
	napi_value argv[9];
	size_t argc = 9;
	napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
	double* arrays[6] = {};
	size_t lengths[6] = {};
	bool ok = argc == 9;
	for (int k = 0; ok && k < 6; k++) {
		void* data = nullptr;
		napi_typedarray_type type;
		ok = napi_get_typedarray_info(env, argv[k], &type, &lengths[k], &data, nullptr, nullptr) == napi_ok && type == napi_float64_array && lengths[k] == lengths[0];
		arrays[k] = static_cast<double*>(data);
	}
	double scalars[3] = {};
	for (int k = 0; ok && k < 3; k++) ok = napi_get_value_double(env, argv[6 + k], &scalars[k]) == napi_ok;
	if (!ok) {
		napi_throw_type_error(env, nullptr, "matrix.adam: bad arguments");
		return nullptr;
	}
	napi_value result;
	napi_get_boolean(env, adam(arrays[0], arrays[1], arrays[2], arrays[3], arrays[4], arrays[5], lengths[0], scalars[0], scalars[1], scalars[2]), &result);
	return result;
}

}  // namespace

NAPI_MODULE_INIT() {
	napi_value fn;
	napi_create_function(env, "iterate", NAPI_AUTO_LENGTH, Iterate, nullptr, &fn);
	napi_set_named_property(env, exports, "iterate", fn);
	napi_create_function(env, "adam", NAPI_AUTO_LENGTH, Adam, nullptr, &fn);
	napi_set_named_property(env, exports, "adam", fn);
	return exports;
}
