"""Generates VectorActivations.java: the Vector API activation kernels, every lane formula written out inline.

Usage: python3 gen_vector_activations.py > ../java/dev/lanewise/kernels/internal/vector/VectorActivations.java
(harness test VectorActivationsGeneratorTest fails when the committed file differs from this script's output.)

Why generated: a method that takes or returns vectors costs nothing only while C2 inlines it, and C2 may stop
inlining it at any recompilation. In issue 8 a lane helper of reluBackward was no longer inlined after some
5,000 training steps; its vectors were then boxed on every call (1.4 MB a step, half speed). So no kernel
here calls a helper that takes or returns a vector: each loop body spells out its exp, expm1, log1p, erf and
sigmoid. Those appear in a dozen loops, twice in each (whole vectors, then the masked tail), so this script
writes them from one definition per function below, each mirroring scalar.ActivationMath (or the scalar
reference's formula) operation for operation: same operations, same order, the FMA policy's multiply-add
exactly where the scalar code calls FmaPolicy.fma, so both paths agree bit for bit. The only liberty taken
is writing a * b as b * a, which rounds identically.
"""
import re

out = []
w = out.append

CONSTANT = re.compile(r'^-?([A-Z][A-Z0-9_]*|[0-9][0-9.x]*f?)$')


def is_const(x):
    """A float constant (a PolynomialConstants name or a literal), as opposed to a vector expression."""
    return CONSTANT.match(x) is not None


def paren(x):
    return x if re.match(r'^[A-Za-z_][A-Za-z0-9_]*$', x) else f'({x})'


def fma(a, b, c):
    """a * b + c for a vector a, under the FMA policy: fused where the scalar path calls FmaPolicy.fma."""
    a = paren(a)
    if is_const(b) and is_const(c):
        fused = f'{a}.fma({b}, {c})'
    else:
        fused = f'{a}.fma({vec(b)}, {vec(c)})'
    return f'(FmaPolicy.USE_FMA ? {fused} : {a}.mul({b}).add({c}))'


def vec(x):
    return f'FloatVector.broadcast(s, {x})' if is_const(x) else x


def pow2(k):
    """2^k per lane for an int vector k in [-126, 127]."""
    return f'{paren(k)}.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats()'


class Body:
    """The statements of one loop body; each lane function below appends its steps and returns its result's name."""

    def __init__(self):
        self.lines = []
        self.names = set()

    def let(self, name, expr, kind='FloatVector'):
        assert name not in self.names, name
        self.names.add(name)
        self.lines.append(f'{kind} {name} = {expr};')
        return name

    def set(self, name, expr):
        self.lines.append(f'{name} = {expr};')
        return name

    def note(self, text):
        self.lines.append(f'// {text}')


# ---- Math.max and Math.min against a constant ----
# FloatVector.max and min keep Java's rules for NaN and signed zeros, which x86 has no instruction for: C2 emits
# some five instructions for each. A compare and a blend (two) give the same lanes for a bound that is not -0.0,
# and took sigmoid's clamp from a third of its time to nothing (Zen 5, 4096 elements: 1.68 to 1.10 us).

def at_least(x, low):
    """Math.max(x, low): lanes at or below low take low (so -0.0 becomes 0.0 when low is 0); NaN compares false
    and stays NaN."""
    return f'{x}.blend({low}, {x}.compare(VectorOperators.LE, {low}))'


def at_most(x, high):
    """Math.min(x, high): lanes above high take high; -0.0 stays -0.0 when high is 0; NaN stays NaN."""
    return f'{x}.blend({high}, {x}.compare(VectorOperators.GT, {high}))'


def between(b, res, x, low, high):
    """Math.min(Math.max(x, low), high), each name bound once since the blends read it twice."""
    if not re.match(r'^[A-Za-z_][A-Za-z0-9_]*$', x):
        x = b.let(res + 'X', x)
    floor = b.let(res + 'Low', at_least(x, low))
    return b.let(res, at_most(floor, high))


MINUS_MAGNITUDE_TAIL = '.reinterpretAsInts().or(0x80000000).reinterpretAsFloats()'


def minus_magnitude(x):
    """-Math.abs(x) in one instruction (setting the sign bit) where abs().neg() takes two; same bits, NaN too."""
    return f'{x}{MINUS_MAGNITUDE_TAIL}'


# ---- ActivationMath, lane by lane ----

def reduce(b, res, x, low, high):
    """exp's argument reduction: c = clamp(x), n = round(c log2 e) (held in t's low bits), r = c - n ln2."""
    if high == '0f' and x.endswith(MINUS_MAGNITUDE_TAIL):
        # -|x| is at most 0 (or NaN) already: Math.min(c, 0f) returns c, -0.0 included.
        c = b.let(res + 'C', at_least(b.let(res + 'X', x), low))
    else:
        c = between(b, res + 'C', x, low, high)
    t = b.let(res + 'T', f'{c}.mul(LOG2E).add(ROUNDER)')
    n = b.let(res + 'N', f'{t}.sub(ROUNDER)')
    r = b.let(res + 'R', fma(n, '-LN2_HI', c))
    b.set(r, fma(n, '-LN2_LO', r))
    return t, r


def exp_polynomial(b, res, r):
    """e^r - 1 - r + r (ActivationMath.expPolynomial)."""
    p = b.let(res + 'P', fma(r, 'P0', 'P1'))
    for k in ('P2', 'P3', 'P4', 'P5'):
        b.set(p, fma(p, r, k))
    return b.set(p, fma(p, f'{r}.mul({r})', r))


def exp(b, res, x):
    b.note(f'{res} = exp({x})')
    t, r = reduce(b, res, x, 'EXP_MIN', 'EXP_MAX')
    p = exp_polynomial(b, res, r)
    k = b.let(res + 'K', f'{t}.reinterpretAsInts().sub(ROUNDER_BITS)', 'IntVector')
    k1 = b.let(res + 'K1', f'{k}.lanewise(VectorOperators.ASHR, 1)', 'IntVector')
    return b.let(res, f'{p}.add(1f).mul({pow2(k1)}).mul({pow2(f"{k}.sub({k1})")})')


def readable(x):
    """x as the note above a block shows it: -|v| for minus_magnitude(v)."""
    return f'-|{x[:-len(MINUS_MAGNITUDE_TAIL)]}|' if x.endswith(MINUS_MAGNITUDE_TAIL) else x


def exp_non_positive(b, res, x):
    b.note(f'{res} = exp({readable(x)}), for x <= 0')
    t, r = reduce(b, res, x, 'EXP_MIN', '0f')
    p = exp_polynomial(b, res, r)
    scale = b.let(res + 'Scale', f'{t}.reinterpretAsInts().sub(NON_POSITIVE_BIAS).lanewise(VectorOperators.LSHL, 23)'
                  '.reinterpretAsFloats()')
    return b.let(res, f'{p}.add(1f).mul({scale}).mul(TWO_TO_MINUS_64)')


def expm1(b, res, x):
    b.note(f'{res} = expm1({x})')
    t, r = reduce(b, res, x, 'EXPM1_MIN', 'EXPM1_MAX')
    q = exp_polynomial(b, res, r)
    two_n = b.let(res + 'Pow', pow2(f'{t}.reinterpretAsInts().sub(ROUNDER_BITS)'))
    return b.let(res, fma(two_n, q, f'{two_n}.sub(1f)'))


def log1p(b, res, t):
    b.note(f'{res} = log1p({t}), for t in [0, 1]')
    s = b.let(res + 'S', f'{t}.div({t}.add(2f))')
    sq = b.let(res + 'W', f'{s}.mul({s})')
    p = b.let(res + 'P', fma(sq, 'L13', 'L11'))
    for k in ('L9', 'L7', 'L5', 'L3'):
        b.set(p, fma(p, sq, k))
    return b.let(res, f'{fma(f"{s}.mul({sq})", p, s)}.mul(2f)')


def erf(b, res, z):
    b.note(f'{res} = erf({z})')
    c = between(b, res + 'C', z, '-ERF_CLAMP', 'ERF_CLAMP')
    c2 = b.let(res + 'C2', f'{c}.mul({c})')
    p = b.let(res + 'P', fma(c2, 'A13', 'A11'))
    for k in ('A9', 'A7', 'A5', 'A3', 'A1'):
        b.set(p, fma(c2, p, k))
    q = b.let(res + 'Q', fma(c2, 'B8', 'B6'))
    for k in ('B4', 'B2', 'B0'):
        b.set(q, fma(c2, q, k))
    quotient = b.let(res + 'Raw', f'{c}.mul({p}.div({q}))')
    return between(b, res, quotient, '-1f', '1f')


def copy_sign(magnitude, sign):
    """Math.copySign per lane."""
    return (f'{magnitude}.reinterpretAsInts().lanewise(VectorOperators.AND, 0x7FFFFFFF)'
            f'.or({sign}.reinterpretAsInts().lanewise(VectorOperators.AND, 0x80000000)).reinterpretAsFloats()')


def sigmoid_from(x, e):
    """ScalarActivations.sigmoid: (x >= 0 ? 1 : e) / (1 + e), with e = exp(-|x|)."""
    return f'{e}.blend(one, {x}.compare(VectorOperators.GE, 0f)).div({e}.add(1f))'


def complement_from(x, e):
    """ScalarActivations.sigmoidComplement: (x >= 0 ? e : 1) / (1 + e)."""
    return f'one.blend({e}, {x}.compare(VectorOperators.GE, 0f)).div({e}.add(1f))'


def clamp(b, res, v, bound):
    return between(b, res, v, f'-{bound}', bound)


def gelu_tanh_argument(b, c):
    """c (K1 + K3 c^2), ScalarActivations.geluTanhArgument (K3 * c^2 written c^2 * K3)."""
    sq = b.let('cSquared', f'{c}.mul({c})')
    return sq, b.let('k', f'{c}.mul({fma(sq, "GELU_K3", "GELU_K1")})')


# ---- the kernels' lane formulas: each returns the expression stored ----

def relu(b, v):
    return at_least(v, '0f')


def leaky_relu(b, v):
    return f'{v}.mul(negativeSlope).blend({v}, {v}.compare(VectorOperators.GT, 0f))'


def leaky_relu_backward(b, g, v):
    b.note('NaN lanes are neither > 0 nor <= 0 and keep v (NaN) as their slope.')
    slope = b.let('slope', f'{v}.blend(negativeSlope, {v}.compare(VectorOperators.LE, 0f))'
                  f'.blend(1f, {v}.compare(VectorOperators.GT, 0f))')
    return f'{g}.mul({slope})'


def elu(b, v):
    m = expm1(b, 'm', v)
    return f'{m}.mul(alpha).blend({v}, {v}.compare(VectorOperators.GT, 0f))'


def elu_backward(b, g, v):
    e = exp_non_positive(b, 'e', v)
    return f'{g}.mul({e}.mul(alpha).blend(1f, {v}.compare(VectorOperators.GT, 0f)))'


def sigmoid(b, x):
    e = exp_non_positive(b, 'e', minus_magnitude(x))
    return sigmoid_from(x, e)


def sigmoid_backward(b, g, y):
    return f'{g}.mul({y}.mul(one.sub({y})))'


def tanh(b, v):
    magnitude = b.let('magnitude', f'{v}.abs()')
    m = expm1(b, 'm', f'{at_most(magnitude, "TANH_CLAMP")}.mul(2f)')
    return copy_sign(f'{m}.div({m}.add(2f))', v)


def tanh_backward(b, g, y):
    return f'{g}.mul(one.sub({y}).mul(one.add({y})))'


def gelu(b, v):
    e = erf(b, 'erf', f'{v}.mul(INV_SQRT2)')
    return f'{v}.mul(0.5f).mul({e}.add(1f))'


def gelu_backward(b, g, v):
    e = erf(b, 'erf', f'{v}.mul(INV_SQRT2)')
    cdf = b.let('cdf', f'{e}.add(1f).mul(0.5f)')
    c = clamp(b, 'c', v, 'GELU_PDF_CLAMP')
    density = exp_non_positive(b, 'density', f'{c}.mul({c}).mul(-0.5f)')
    pdf = b.let('pdf', f'{density}.mul(INV_SQRT_2PI)')
    return f'{g}.mul({fma(c, pdf, cdf)})'


def gelu_tanh(b, v):
    c = clamp(b, 'c', v, 'GELU_TANH_CLAMP')
    _, k = gelu_tanh_argument(b, c)
    e = exp_non_positive(b, 'e', minus_magnitude(k))
    return f'{v}.mul({sigmoid_from(k, e)})'


def gelu_tanh_backward(b, g, v):
    c = clamp(b, 'c', v, 'GELU_TANH_CLAMP')
    sq, k = gelu_tanh_argument(b, c)
    e = exp_non_positive(b, 'e', minus_magnitude(k))
    sig = b.let('sig', sigmoid_from(k, e))
    b.note("d/dx [x s(k(x))] = s + x k'(x) s (1 - s); DK3 * c^2 written c^2 * DK3")
    slope = b.let('slope', fma(sq, 'GELU_DK3', 'GELU_K1'))
    complement = b.let('complement', complement_from(k, e))
    d = b.let('d', fma(f'{c}.mul({slope})', f'{sig}.mul({complement})', sig))
    return f'{g}.mul({d})'


def silu(b, v):
    e = exp_non_positive(b, 'e', minus_magnitude(v))
    return f'{v}.mul({sigmoid_from(v, e)})'


def silu_backward(b, g, v):
    c = clamp(b, 'c', v, 'SILU_CLAMP')
    e = exp_non_positive(b, 'e', minus_magnitude(v))
    sig = b.let('sig', sigmoid_from(v, e))
    complement = b.let('complement', complement_from(v, e))
    d = b.let('d', f'{sig}.mul({fma(c, complement, "one")})')
    return f'{g}.mul({d})'


def softplus(b, v):
    e = exp_non_positive(b, 'e', minus_magnitude(v))
    tail = log1p(b, 'log', e)
    smooth = b.let('smooth', f'{paren(at_least(v, "0f"))}.add({tail})')
    return f'{smooth}.blend({v}, {v}.compare(VectorOperators.GT, SOFTPLUS_THRESHOLD))'


def softplus_backward(b, g, v):
    e = exp_non_positive(b, 'e', minus_magnitude(v))
    return f'{g}.mul({sigmoid_from(v, e)})'


# ---- emission ----

IND = ' ' * 8


def emit_body(body, indent):
    for line in body.lines:
        w(indent + line)


def ones_needed(*bodies):
    return any(re.search(r'\bone\b', line) for body in bodies for line in body.lines)


def forward(name, formula, param=None):
    """An elementwise forward kernel: out = f(x) over whole vectors, then one masked vector for the tail."""
    extra = f'float {param}, ' if param else ''
    bodies = []
    for masked in (False, True):
        b = Body()
        mask = ', tail' if masked else ''
        v = b.let('v', f'FloatVector.fromArray(s, x, xOffset + i{mask})')
        result = formula(b, v)
        b.lines.append(f'{result}.intoArray(out, outOffset + i{mask});')
        bodies.append(b)
    w('')
    w('    @Override')
    w(f'    public void {name}(int n, {extra}float[] x, int xOffset, float[] out, int outOffset) {{')
    loop(bodies, 'n')
    w('    }')


def backward(name, formula, saved, param=None):
    """An elementwise backward kernel: gradIn = gradOut * f'(saved), saved being the input or the output."""
    extra = f'float {param}, ' if param else ''
    bodies = []
    for masked in (False, True):
        b = Body()
        mask = ', tail' if masked else ''
        g = b.let('g', f'FloatVector.fromArray(s, gradOut, gOffset + i{mask})')
        v = b.let(saved, f'FloatVector.fromArray(s, saved, sOffset + i{mask})')
        result = formula(b, g, v)
        b.lines.append(f'{result}.intoArray(gradIn, giOffset + i{mask});')
        bodies.append(b)
    w('')
    w('    @Override')
    w(f'    public void {name}(int n, {extra}float[] gradOut, int gOffset, float[] saved, int sOffset,')
    w('            float[] gradIn, int giOffset) {')
    loop(bodies, 'n')
    w('    }')


def loop(bodies, n, indent=IND):
    """Whole vectors up to loopBound, then one masked vector: bodies[0] and bodies[1] (masked by 'tail')."""
    if indent == IND:
        w(indent + 'VectorSpecies<Float> s = SPECIES;')
        if ones_needed(*bodies):
            w(indent + 'FloatVector one = FloatVector.broadcast(s, 1f);')
    w(indent + 'int i = 0;')
    w(indent + f'for (int bound = s.loopBound({n}); i < bound; i += s.length()) {{')
    emit_body(bodies[0], indent + '    ')
    w(indent + '}')
    w(indent + f'if (i < {n}) {{')
    w(indent + f'    VectorMask<Float> tail = s.indexInRange(i, {n});')
    emit_body(bodies[1], indent + '    ')
    w(indent + '}')


def row_bodies(make):
    bodies = []
    for masked in (False, True):
        b = Body()
        make(b, ', tail' if masked else '', masked)
        bodies.append(b)
    return bodies


w('''package dev.lanewise.kernels.internal.vector;

import static dev.lanewise.kernels.internal.PolynomialConstants.*;

import dev.lanewise.kernels.activation.ActivationKernels;
import dev.lanewise.kernels.internal.FmaPolicy;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ActivationKernels} on the Vector API at this copy's width ({@link VectorWidth}). Generated by
 * {@code kernels/src/main/python/gen_vector_activations.py}, do not edit by hand: change the script and
 * regenerate (a harness test fails while the two differ).
 *
 * <p>Every elementwise kernel is the same loop: whole vectors up to {@code loopBound(n)}, then one masked
 * vector for the tail (the transcendentals exist only as lane code here, and a masked tail costs about what
 * a scalar one would). Each lane evaluates exactly the scalar reference's formula, with the exp, expm1,
 * log1p and erf of {@code scalar.ActivationMath} on the constants of
 * {@link dev.lanewise.kernels.internal.PolynomialConstants}, so results are bit-identical to it.
 *
 * <p>Why everything is written out, the polynomials included, in every loop body: no method here takes or
 * returns a vector (see the package doc). C2 inlined such lane helpers at first and stopped after
 * recompiling a caller thousands of calls later; the vectors were then boxed on every call. The loops are
 * also one per kernel rather than one loop taking a lambda: a shared call site would see many lambdas and
 * C2 would stop inlining there too.
 */
public final class VectorActivations implements ActivationKernels {
    private static final VectorSpecies<Float> SPECIES = VectorWidth.FLOAT;
    // The double species from its static final too: s.withLanes(double.class) did not fold to a constant
    // where C2 compiled sum() on its own, and every conversion to double there ran boxed.
    private static final VectorSpecies<Double> DOUBLES = VectorWidth.DOUBLE;

    @Override
    public void identity(int n, float[] x, int xOffset, float[] out, int outOffset) {
        // A copy is a copy: arraycopy is as fast as any vector loop and handles the overlap of in-place calls.
        System.arraycopy(x, xOffset, out, outOffset, n);
    }

    @Override
    public void identityBackward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn,
            int giOffset) {
        System.arraycopy(gradOut, gOffset, gradIn, giOffset, n);
    }''')

forward('relu', relu)
w('''
    @Override
    public void reluBackward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn,
            int giOffset) {
        leakyReluBackward(n, 0f, gradOut, gOffset, saved, sOffset, gradIn, giOffset);
    }''')
forward('leakyRelu', leaky_relu, 'negativeSlope')
backward('leakyReluBackward', leaky_relu_backward, 'v', 'negativeSlope')
forward('elu', elu, 'alpha')
backward('eluBackward', elu_backward, 'v', 'alpha')
forward('sigmoid', sigmoid)
backward('sigmoidBackward', sigmoid_backward, 'y')
forward('tanh', tanh)
backward('tanhBackward', tanh_backward, 'y')
forward('gelu', gelu)
backward('geluBackward', gelu_backward, 'v')
forward('geluTanh', gelu_tanh)
backward('geluTanhBackward', gelu_tanh_backward, 'v')
forward('silu', silu)
backward('siluBackward', silu_backward, 'v')
forward('softplus', softplus)
backward('softplusBackward', softplus_backward, 'v')

# ---- row-wise softmax ----

ROW = IND + '    '


def softmax_exp(b, mask, masked):
    x = b.let('x0', f'FloatVector.fromArray(s, x, xi + i{mask})')
    e = exp_non_positive(b, 'e', f'{x}.sub(max)')
    b.lines.append(f'{e}.intoArray(out, oi + i{mask});')


def softmax_scale(b, mask, masked):
    b.lines.append(f'FloatVector.fromArray(s, out, oi + i{mask}).div(total).intoArray(out, oi + i{mask});')


w('''
    @Override
    public void softmax(int rows, int cols, int ld, float[] x, int xOffset, float[] out, int outOffset) {
        VectorSpecies<Float> s = SPECIES;
        for (int r = 0; r < rows; r++) {
            int xi = xOffset + r * ld;
            int oi = outOffset + r * ld;
            FloatVector max = FloatVector.broadcast(s, RowMax.of(cols, x, xi));''')
loop(row_bodies(softmax_exp), 'cols', ROW)
w(ROW + 'FloatVector total = FloatVector.broadcast(s, (float) sum(cols, out, oi));')
w(ROW + 'i = 0;')
bodies = row_bodies(softmax_scale)
w(ROW + 'for (int bound = s.loopBound(cols); i < bound; i += s.length()) {')
emit_body(bodies[0], ROW + '    ')
w(ROW + '}')
w(ROW + 'if (i < cols) {')
w(ROW + '    VectorMask<Float> tail = s.indexInRange(i, cols);')
emit_body(bodies[1], ROW + '    ')
w(ROW + '}')
w('''        }
    }''')


def log_softmax_sum(b, mask, masked):
    x = b.let('x0', f'FloatVector.fromArray(s, x, xi + i{mask})')
    e = exp_non_positive(b, 'e', f'{x}.sub(max)')
    if masked:
        b.note('Lanes past the row read 0 and give e^-max; zero them before they reach the sum.')
        e = b.let('inRow', f'FloatVector.zero(s).blend({e}, tail)')
    b.lines.append(f'acc0 = acc0.add({e}.convertShape(VectorOperators.F2D, d, 0));')
    b.lines.append(f'acc1 = acc1.add({e}.convertShape(VectorOperators.F2D, d, 1));')


w('''
    @Override
    public void logSoftmax(int rows, int cols, int ld, float[] x, int xOffset, float[] out, int outOffset) {
        VectorSpecies<Float> s = SPECIES;
        VectorSpecies<Double> d = DOUBLES;
        for (int r = 0; r < rows; r++) {
            int xi = xOffset + r * ld;
            int oi = outOffset + r * ld;
            FloatVector max = FloatVector.broadcast(s, RowMax.of(cols, x, xi));
            DoubleVector acc0 = DoubleVector.zero(d);
            DoubleVector acc1 = DoubleVector.zero(d);''')
loop(row_bodies(log_softmax_sum), 'cols', ROW)
w('''            // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
            // than the interpreter, so the bits would depend on compilation (see the package doc).
            DoubleVector ordered1 = acc0.add(acc1);
            ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.DOUBLE_FOLD_HALF));
            if (VectorWidth.DOUBLE_LANES > 2) { ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.DOUBLE_FOLD_QUARTER)); }
            if (VectorWidth.DOUBLE_LANES > 4) { ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.DOUBLE_FOLD_EIGHTH)); }
            if (VectorWidth.DOUBLE_LANES > 8) { ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.DOUBLE_FOLD_SIXTEENTH)); }
            FloatVector logSum = FloatVector.broadcast(s, (float) Math.log(ordered1.lane(0)));
            i = 0;
            for (int bound = s.loopBound(cols); i < bound; i += s.length()) {
                FloatVector.fromArray(s, x, xi + i).sub(max).sub(logSum).intoArray(out, oi + i);
            }
            if (i < cols) {
                VectorMask<Float> tail = s.indexInRange(i, cols);
                FloatVector.fromArray(s, x, xi + i, tail).sub(max).sub(logSum).intoArray(out, oi + i, tail);
            }
        }
    }''')


def softmax_backward_dot(b, mask, masked):
    g = b.let('g', f'FloatVector.fromArray(s, gradOut, gi + i{mask})')
    y = b.let('yv', f'FloatVector.fromArray(s, y, yi + i{mask})')
    for part in (0, 1):
        gd = b.let(f'g{part}', f'(DoubleVector) {g}.convertShape(VectorOperators.F2D, d, {part})', 'DoubleVector')
        yd = b.let(f'y{part}', f'(DoubleVector) {y}.convertShape(VectorOperators.F2D, d, {part})', 'DoubleVector')
        b.set(f'acc{part}', fma(gd, yd, f'acc{part}'))


w('''
    @Override
    public void softmaxBackward(int rows, int cols, int ld, float[] gradOut, int gOffset, float[] y, int yOffset,
            float[] gradIn, int giOffset) {
        VectorSpecies<Float> s = SPECIES;
        VectorSpecies<Double> d = DOUBLES;
        for (int r = 0; r < rows; r++) {
            int gi = gOffset + r * ld;
            int yi = yOffset + r * ld;
            int oi = giOffset + r * ld;
            // Float products are exact in double, so fused or not, each step rounds only the sum.
            DoubleVector acc0 = DoubleVector.zero(d);
            DoubleVector acc1 = DoubleVector.zero(d);''')
loop(row_bodies(softmax_backward_dot), 'cols', ROW)
w('''            // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
            // than the interpreter, so the bits would depend on compilation (see the package doc).
            DoubleVector ordered2 = acc0.add(acc1);
            ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.DOUBLE_FOLD_HALF));
            if (VectorWidth.DOUBLE_LANES > 2) { ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.DOUBLE_FOLD_QUARTER)); }
            if (VectorWidth.DOUBLE_LANES > 4) { ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.DOUBLE_FOLD_EIGHTH)); }
            if (VectorWidth.DOUBLE_LANES > 8) { ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.DOUBLE_FOLD_SIXTEENTH)); }
            FloatVector dot = FloatVector.broadcast(s, (float) ordered2.lane(0));
            i = 0;
            for (int bound = s.loopBound(cols); i < bound; i += s.length()) {
                FloatVector yv = FloatVector.fromArray(s, y, yi + i);
                yv.mul(FloatVector.fromArray(s, gradOut, gi + i).sub(dot)).intoArray(gradIn, oi + i);
            }
            if (i < cols) {
                VectorMask<Float> tail = s.indexInRange(i, cols);
                FloatVector yv = FloatVector.fromArray(s, y, yi + i, tail);
                yv.mul(FloatVector.fromArray(s, gradOut, gi + i, tail).sub(dot)).intoArray(gradIn, oi + i, tail);
            }
        }
    }''')


def log_softmax_backward_step(b, mask, masked):
    e = exp(b, 'e', f'FloatVector.fromArray(s, y, yi + i{mask})')
    b.lines.append(f'{fma(f"{e}.neg()", "total", f"FloatVector.fromArray(s, gradOut, gi + i{mask})")}'
                   f'.intoArray(gradIn, oi + i{mask});')


w('''
    @Override
    public void logSoftmaxBackward(int rows, int cols, int ld, float[] gradOut, int gOffset, float[] y, int yOffset,
            float[] gradIn, int giOffset) {
        VectorSpecies<Float> s = SPECIES;
        for (int r = 0; r < rows; r++) {
            int gi = gOffset + r * ld;
            int yi = yOffset + r * ld;
            int oi = giOffset + r * ld;
            FloatVector total = FloatVector.broadcast(s, (float) sum(cols, gradOut, gi));''')
loop(row_bodies(log_softmax_backward_step), 'cols', ROW)
w('''        }
    }

    /** Sum of {@code x[offset, offset + n)} in double (masked-off lanes read 0). */
    private double sum(int n, float[] x, int offset) {
        VectorSpecies<Float> s = SPECIES;
        VectorSpecies<Double> d = DOUBLES;
        DoubleVector acc0 = DoubleVector.zero(d);
        DoubleVector acc1 = DoubleVector.zero(d);
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector v = FloatVector.fromArray(s, x, offset + i);
            acc0 = acc0.add(v.convertShape(VectorOperators.F2D, d, 0));
            acc1 = acc1.add(v.convertShape(VectorOperators.F2D, d, 1));
        }
        if (i < n) {
            FloatVector v = FloatVector.fromArray(s, x, offset + i, s.indexInRange(i, n));
            acc0 = acc0.add(v.convertShape(VectorOperators.F2D, d, 0));
            acc1 = acc1.add(v.convertShape(VectorOperators.F2D, d, 1));
        }
        // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
        // than the interpreter, so the bits would depend on compilation (see the package doc).
        DoubleVector ordered3 = acc0.add(acc1);
        ordered3 = ordered3.add(ordered3.rearrange(VectorWidth.DOUBLE_FOLD_HALF));
        if (VectorWidth.DOUBLE_LANES > 2) { ordered3 = ordered3.add(ordered3.rearrange(VectorWidth.DOUBLE_FOLD_QUARTER)); }
        if (VectorWidth.DOUBLE_LANES > 4) { ordered3 = ordered3.add(ordered3.rearrange(VectorWidth.DOUBLE_FOLD_EIGHTH)); }
        if (VectorWidth.DOUBLE_LANES > 8) { ordered3 = ordered3.add(ordered3.rearrange(VectorWidth.DOUBLE_FOLD_SIXTEENTH)); }
        return ordered3.lane(0);
    }
}''')
print('\n'.join(out))
