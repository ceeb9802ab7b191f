package dev.lanewise.kernels.loss;

/**
 * Losses that return the MEAN loss and, in the same pass, write the gradient of that mean with respect to
 * the predictions (or logits) into a caller-provided array: {@code grad[i] = d mean / d pred[i]}.
 *
 * <p>Every instance a caller can obtain ({@link dev.lanewise.kernels.KernelProvider#losses()}), like the facade
 * {@link Losses}, checks its arguments (every class label included) before it writes anything: a null array
 * throws {@link NullPointerException}, a range or label outside its bounds {@link IndexOutOfBoundsException},
 * a negative length, {@code cols < 1}, a leading dimension below {@code cols} or a {@code delta} that is not
 * finite and positive {@link IllegalArgumentException}.
 *
 * <p>{@code grad} may be the prediction (logits) array itself at the same offset (and, for the matrix, the
 * same leading dimension): each element is read before its gradient is written. Partial overlap is
 * undefined. The mean of no elements ({@code n == 0}, {@code rows == 0}) is NaN, as in PyTorch.
 * NaN in gives NaN out: a NaN input makes the loss NaN and the gradient of its element (for softmax
 * cross-entropy: of its whole row) NaN.
 *
 * <h2>Semantics (PyTorch's, with {@code reduction='mean'})</h2>
 * With d = pred - target, computed in float:
 * <ul>
 *   <li>{@code mse}: l = d*d, grad = d * (2/n).</li>
 *   <li>{@code mae}: l = |d|, grad = signum(d) * (1/n), 0 at d = 0 (a subgradient, like {@code torch.sign}).</li>
 *   <li>{@code huber} ({@code torch.nn.HuberLoss(delta)}): l = 0.5*d*d if |d| &lt; delta, else
 *       delta*(|d| - 0.5*delta); grad = clamp(d, -delta, delta) * (1/n).</li>
 *   <li>{@code bceWithLogits} ({@code BCEWithLogitsLoss}): l = max(z,0) - z*y + log1p(exp(-|z|)),
 *       grad = (sigmoid(z) - y) * (1/n), with sigmoid(z) = 1/(1+e) for z &gt;= 0 and e/(1+e) below,
 *       e = exp(-|z|): finite for every finite z, including logits of ±1000.</li>
 *   <li>{@code hinge}: l = max(0, 1 - t*p), grad = -t * (1/n) where 1 - t*p &gt; 0, else 0 (the subgradient
 *       0 at the kink). Targets are meant to be -1 or +1; other values are NOT refused (that would take a
 *       second pass over the targets): the formula is applied as written, so map 0/1 labels to -1/+1 first.</li>
 *   <li>{@code softmaxCrossEntropy} ({@code F.cross_entropy} with integer class labels): per row r,
 *       m = max_j x_j, e_j = exp(x_j - m), s = sum_j e_j, loss_r = m + log(s) - x_label;
 *       grad_j = e_j * (1/(s*rows)) - [j == label]/rows. Stable for any finite logits (±1000 included).
 *       An infinite logit makes its row NaN, except -Inf logits off the label (masked classes), which
 *       get probability 0; a -Inf logit at the label gives an infinite loss.</li>
 * </ul>
 * Constants are rounded once to float: 1/n, 2/n (= 2 * (1/n) exactly) and 1/rows; the softmax row scale
 * 1/(s*rows) is computed in double and rounded once. No loss uses fused multiply-add.
 *
 * <h2>How far the vector result may be from the scalar one</h2>
 * With u = 2<sup>-24</sup>, gamma(k) = k*u/(1 - k*u), and l_i the float per-element terms defined above:
 * <ul>
 *   <li>Gradients of {@code mse, mae, huber, hinge}: exact (0 ulp): the same float operations in the same
 *       order.</li>
 *   <li>Loss of {@code mse, mae, huber, hinge}: both paths compute the same terms l_i and sum them in
 *       different orders, then divide by n once:
 *       |vector - scalar| &lt;= 2 * gamma(n) * sum|l_i| / n + 2<sup>-149</sup>. When a partial sum
 *       overflows either path may be infinite where the other is not; finite results lie within the
 *       bound.</li>
 *   <li>{@code bceWithLogits}: the vector path takes exp and log1p from the float polynomials of the
 *       activations (each within 2 ulps of the correctly rounded float; the same bits whether or not C2 has
 *       compiled the kernel), the scalar path from {@link Math} in double, rounded once. Loss:
 *       |vector - scalar| &lt;= 2 * gamma(n + 1) * sum|l_i| / n + 2<sup>-21</sup>. Gradient element, with
 *       sigma = sigmoid(z) exactly: |vector - scalar| &lt;= (8 ulp(sigma) + ulp(sigma - y)) / n
 *       + ulp(grad) + 2<sup>-149</sup>: a few ulps of the probability, not of the difference, which may
 *       cancel. Overflowing partial sums (logits near the float range) are treated as for the losses
 *       above.</li>
 *   <li>{@code softmaxCrossEntropy}: both paths compute the same x_j - m; the exponentials (the vector
 *       path's from the polynomial above) differ by at most 2 ulps, the row sums s are float sums in
 *       different orders, the loss is accumulated in double. Loss (absolute, since log-sum-exp turns the
 *       relative error of s into an absolute one):
 *       |vector - scalar| &lt;= 2 * gamma(cols) + 2<sup>-21</sup> + ulp(scalar). Gradient element, with
 *       q = p_j / rows the scalar's probability over rows (its gradient plus [j == label]/rows):
 *       |vector - scalar| &lt;= (2 * gamma(cols) + 2<sup>-20</sup>) * q + 2 ulp(grad) + 2<sup>-147</sup>.
 *       NaN appears in the same elements in both paths.</li>
 * </ul>
 */
public interface LossKernels {

    /** Mean squared error; writes d mean / d pred into {@code grad}. */
    float mse(int n, float[] pred, int predOffset, float[] target, int targetOffset, float[] grad, int gradOffset);

    /** Mean absolute error (L1); writes the subgradient signum(d)/n into {@code grad}. */
    float mae(int n, float[] pred, int predOffset, float[] target, int targetOffset, float[] grad, int gradOffset);

    /** Huber loss with threshold {@code delta > 0} (PyTorch's {@code HuberLoss}); writes its gradient. */
    float huber(int n, float delta, float[] pred, int predOffset, float[] target, int targetOffset,
            float[] grad, int gradOffset);

    /** Binary cross-entropy on logits with targets in [0, 1]; writes (sigmoid(z) - y)/n. */
    float bceWithLogits(int n, float[] logits, int logitsOffset, float[] targets, int targetsOffset,
            float[] grad, int gradOffset);

    /** Binary hinge loss, targets -1 or +1; writes its subgradient. */
    float hinge(int n, float[] pred, int predOffset, float[] targets, int targetsOffset, float[] grad, int gradOffset);

    /**
     * Softmax cross-entropy over the rows of a row-major {@code rows x cols} logits matrix (leading
     * dimension {@code ldLogits}), each row's class in {@code labels[labelsOffset + r]}, which must lie in
     * [0, cols). Returns the mean over rows and writes (softmax - onehot)/rows into the grad matrix
     * (leading dimension {@code ldGrad}); elements between rows (ld &gt; cols) are left untouched.
     */
    float softmaxCrossEntropy(int rows, int cols, float[] logits, int logitsOffset, int ldLogits,
            int[] labels, int labelsOffset, float[] grad, int gradOffset, int ldGrad);
}
