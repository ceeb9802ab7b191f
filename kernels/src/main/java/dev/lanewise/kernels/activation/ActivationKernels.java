package dev.lanewise.kernels.activation;

import dev.lanewise.kernels.internal.FmaPolicy;

/**
 * Activation functions, forward and backward, over contiguous float ranges, and row-wise softmax and
 * log-softmax over row-major matrices.
 *
 * <p>Every instance a caller can obtain ({@link dev.lanewise.kernels.KernelProvider#activations()}), like the
 * facade {@link Activations}, checks its arguments before it writes anything: a null array throws
 * {@link NullPointerException}, a range outside its array {@link IndexOutOfBoundsException}, a negative
 * length, a leading dimension below {@code max(1, cols)} or a non-finite {@code negativeSlope} or
 * {@code alpha} {@link IllegalArgumentException}. An output may alias an input at the same offset
 * (in-place); partial overlap is undefined.
 *
 * <h2>Shapes</h2>
 * Forward: {@code fn(n, [parameter,] x, xOffset, out, outOffset)} writes {@code out[i] = f(x[i])}.
 * Backward: {@code fnBackward(n, [parameter,] gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset)} writes
 * {@code gradIn[i] = gradOut[i] * f'(x[i])}, computed as a product, so NaN in either gives NaN (and an
 * infinite gradient against a zero derivative gives NaN, as IEEE says). {@code saved} is the forward
 * <em>output</em> y for sigmoid and tanh (whose derivatives are cheap in y) and the forward <em>input</em>
 * x for every other function. Softmax and log-softmax take {@code rows, cols, ld} (one leading dimension
 * for every matrix of the call) and treat each row on its own; their backward reads the saved output y.
 *
 * <h2>Special values</h2>
 * NaN in gives NaN out. ±Inf give the limits (sigmoid(-Inf) = 0, tanh(+Inf) = 1, softplus(-Inf) = 0,
 * ELU(-Inf) = -alpha), except where the formula multiplies an infinity by zero, as PyTorch does too:
 * GELU, GELU-tanh and SiLU at -Inf give NaN. Softmax subtracts the row maximum, so logits of any size
 * work; -Inf entries get probability 0; a row that is all -Inf, or holds +Inf or NaN, gives a NaN row.
 * Softplus uses PyTorch's beta = 1, threshold = 20: {@code x > 20 ? x : log(1 + e^x)}, evaluated as
 * {@code max(x, 0) + log1p(e^-|x|)}, which never overflows.
 *
 * <h2>How far the vector result may be from the scalar one</h2>
 * <ul>
 *   <li>Every elementwise function, forward and backward: <b>exact</b> (0 ulp, bit-identical). Both paths
 *       evaluate the same float formulas (exp, expm1, log1p and erf included, see below) with the same
 *       operations in the same order, fusing multiply-adds exactly where {@link FmaPolicy} says.</li>
 *   <li>{@code softmax}: within 3 ulps. The row sum of e<sup>x-max</sup> is accumulated in double, in a
 *       different order, so the two float sums may differ by 1 ulp; the quotient then by up to 3.</li>
 *   <li>{@code logSoftmax}: |vector - scalar| &lt;= 2 ulp(scalar) + 2 * cols * 2<sup>-53</sup>. The row
 *       sum (at least 1, from the maximum's own term) is accumulated in double in different orders, so
 *       log(sum) may differ by cols * 2<sup>-53</sup> in absolute terms, which is many ulps where
 *       log(sum) is tiny (the row's maximum element, when the others are far below it).</li>
 *   <li>{@code softmaxBackward}: |vector - scalar| &lt;= 4 ulp(scalar) + |y_i| * 2<sup>-22</sup> *
 *       sum_j |g_j y_j|; {@code logSoftmaxBackward}: &lt;= 4 ulp(scalar) + e<sup>y_i</sup> *
 *       2<sup>-22</sup> * sum_j |g_j|. The row reductions are accumulated in double in different orders and
 *       the subtraction that follows may cancel, so the bound is absolute in the reduction's size.</li>
 * </ul>
 *
 * <h2>How far the results may be from the truth</h2>
 * Against the double-precision function of the same float inputs, with "N ulps" meaning at most N floats
 * from that value rounded to float, and every result whose true value is below 2<sup>-126</sup> also
 * allowed 2 * 2<sup>-149</sup> absolutely. Elementwise (scalar, hence vector), on finite inputs:
 * <table>
 *   <caption>Accuracy of the elementwise functions</caption>
 *   <tr><th>function</th><th>forward</th><th>backward (|g| the upstream gradient)</th></tr>
 *   <tr><td>identity, ReLU, leaky ReLU</td><td>exact</td><td>exact</td></tr>
 *   <tr><td>ELU</td><td>3 ulps</td><td>3 ulps</td></tr>
 *   <tr><td>sigmoid</td><td>3 ulps</td><td>2 ulps of g y (1 - y), y the saved float output</td></tr>
 *   <tr><td>tanh</td><td>4 ulps</td><td>2 ulps of g (1 - y<sup>2</sup>)</td></tr>
 *   <tr><td>GELU</td><td>8 ulps, or |x| 2<sup>-21</sup> absolutely (erf is within 8 ulps and 5e-7; 1 + erf
 *       cancels for x &lt; 0, as in PyTorch's float formula)</td><td>8 ulps, or 2<sup>-20</sup> |g|</td></tr>
 *   <tr><td>GELU-tanh</td><td>5 ulps + 4|k| ulps for x &lt; 0, where k = 2 sqrt(2/pi)(x + 0.044715 x<sup>3</sup>)
 *       (the result is about x e<sup>k</sup>, which amplifies the rounding of k), or |x| 2<sup>-148</sup>
 *       (when the sigmoid underflows)</td><td>8 ulps + 4|k| for x &lt; 0, or 2<sup>-22</sup> |g| (the
 *       derivative crosses zero)</td></tr>
 *   <tr><td>SiLU</td><td>4 ulps, or |x| 2<sup>-148</sup></td><td>6 ulps, or 2<sup>-22</sup> |g|</td></tr>
 *   <tr><td>softplus</td><td>3 ulps</td><td>3 ulps</td></tr>
 * </table>
 * Row-wise, every implementation: softmax within 6 ulps plus (1 + |x_i - max|) 2<sup>-23</sup> relatively
 * (x_i - max rounds to float before the exponential); log-softmax within 6 ulps; softmax backward within
 * 6 ulps + |y_i| 2<sup>-22</sup> sum_j |g_j y_j|; log-softmax backward within 6 ulps + e<sup>y_i</sup>
 * 2<sup>-21</sup> sum_j |g_j|. The harness checks these with dense sweeps against double-precision code and
 * against PyTorch's float64 results.
 */
public interface ActivationKernels {

    /** {@code out[i] = x[i]}. */
    void identity(int n, float[] x, int xOffset, float[] out, int outOffset);

    /** {@code gradIn[i] = gradOut[i]}; {@code saved} (the input) is not read. */
    void identityBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset, float[] gradIn,
            int gradInOffset);

    /** {@code out[i] = max(x[i], 0)} ({@link Math#max}: NaN stays NaN). */
    void relu(int n, float[] x, int xOffset, float[] out, int outOffset);

    /** {@code gradIn[i] = g[i] * (x[i] > 0 ? 1 : 0)}, NaN where x is NaN; saved is the input x. */
    void reluBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset, float[] gradIn,
            int gradInOffset);

    /** {@code out[i] = x[i] > 0 ? x[i] : negativeSlope * x[i]}. */
    void leakyRelu(int n, float negativeSlope, float[] x, int xOffset, float[] out, int outOffset);

    /** {@code gradIn[i] = g[i] * (x[i] > 0 ? 1 : negativeSlope)}, NaN where x is NaN; saved is x. */
    void leakyReluBackward(int n, float negativeSlope, float[] gradOut, int gradOutOffset, float[] saved,
            int savedOffset, float[] gradIn, int gradInOffset);

    /** {@code out[i] = x[i] > 0 ? x[i] : alpha * (e^x[i] - 1)}. */
    void elu(int n, float alpha, float[] x, int xOffset, float[] out, int outOffset);

    /** {@code gradIn[i] = g[i] * (x[i] > 0 ? 1 : alpha * e^x[i])}; saved is the input x. */
    void eluBackward(int n, float alpha, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset);

    /** {@code out[i] = 1 / (1 + e^-x[i])}, without overflow for any x. */
    void sigmoid(int n, float[] x, int xOffset, float[] out, int outOffset);

    /** {@code gradIn[i] = g[i] * y[i] * (1 - y[i])}; saved is the forward output y. */
    void sigmoidBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset, float[] gradIn,
            int gradInOffset);

    /** {@code out[i] = tanh(x[i])}, evaluated as expm1(2|x|) / (expm1(2|x|) + 2) with x's sign. */
    void tanh(int n, float[] x, int xOffset, float[] out, int outOffset);

    /** {@code gradIn[i] = g[i] * (1 - y[i]) * (1 + y[i])}; saved is the forward output y. */
    void tanhBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset, float[] gradIn,
            int gradInOffset);

    /** Exact GELU: {@code out[i] = x/2 * (1 + erf(x / sqrt 2))}. */
    void gelu(int n, float[] x, int xOffset, float[] out, int outOffset);

    /** {@code gradIn[i] = g[i] * (Phi(x) + x phi(x))}; saved is the input x. */
    void geluBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset, float[] gradIn,
            int gradInOffset);

    /**
     * GELU, tanh approximation: {@code x/2 * (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}, evaluated as
     * {@code x * sigmoid(2 sqrt(2/pi) (x + 0.044715 x^3))}, which is the same function without the
     * cancellation of 1 + tanh for negative x.
     */
    void geluTanh(int n, float[] x, int xOffset, float[] out, int outOffset);

    /** Derivative of {@link #geluTanh}; saved is the input x. */
    void geluTanhBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset, float[] gradIn,
            int gradInOffset);

    /** SiLU (swish): {@code out[i] = x * sigmoid(x)}. */
    void silu(int n, float[] x, int xOffset, float[] out, int outOffset);

    /** {@code gradIn[i] = g[i] * s (1 + x (1 - s))} with s = sigmoid(x); saved is the input x. */
    void siluBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset, float[] gradIn,
            int gradInOffset);

    /** Softplus with beta 1 and threshold 20: {@code x > 20 ? x : log(1 + e^x)}. */
    void softplus(int n, float[] x, int xOffset, float[] out, int outOffset);

    /** {@code gradIn[i] = g[i] * sigmoid(x[i])} (1 past the threshold, where sigmoid rounds to 1); saved is x. */
    void softplusBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset, float[] gradIn,
            int gradInOffset);

    /** Row-wise {@code out[r][j] = e^(x[r][j] - m) / sum_k e^(x[r][k] - m)}, m the row maximum. */
    void softmax(int rows, int cols, int ld, float[] x, int xOffset, float[] out, int outOffset);

    /** Row-wise {@code gradIn = y * (g - sum_j g_j y_j)}; y is the saved softmax output. */
    void softmaxBackward(int rows, int cols, int ld, float[] gradOut, int gradOutOffset, float[] y, int yOffset,
            float[] gradIn, int gradInOffset);

    /** Row-wise {@code out[r][j] = (x[r][j] - m) - log sum_k e^(x[r][k] - m)}, m the row maximum. */
    void logSoftmax(int rows, int cols, int ld, float[] x, int xOffset, float[] out, int outOffset);

    /** Row-wise {@code gradIn = g - e^y * sum_j g_j}; y is the saved log-softmax output. */
    void logSoftmaxBackward(int rows, int cols, int ld, float[] gradOut, int gradOutOffset, float[] y, int yOffset,
            float[] gradIn, int gradInOffset);
}
