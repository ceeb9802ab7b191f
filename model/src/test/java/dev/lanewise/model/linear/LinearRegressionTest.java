package dev.lanewise.model.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.SgdConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.loss.MeanSquaredError;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;

class LinearRegressionTest {

    @Test
    void gradientDescentReachesTheLeastSquaresOptimumOfDiabetes() {
        Dataset data = Datasets.diabetes();
        double optimum = leastSquaresMse(data);
        LinearRegression model = new LinearRegression(new MeanSquaredError(),
                OptimizerSpec.sgd(SgdConfig.of(0.1).withMomentum(0.9)),
                TrainingConfig.defaults().withFullBatch().withMaxEpochs(3000));
        model.fit(data);
        double mse = meanSquaredError(model.predict(data.features()), data.targets());
        assertTrue(Math.abs(mse - optimum) <= 1e-4 * optimum,
                "training MSE " + mse + " should be within 1e-4 relative of the least-squares optimum " + optimum);
    }

    /** The training MSE at the normal equations' solution, in double, with an intercept column. */
    static double leastSquaresMse(Dataset data) {
        int n = data.rows();
        int d = data.cols() + 1;
        double[][] a = new double[d][d + 1];
        Matrix x = data.features();
        float[] y = data.targets();
        double[] row = new double[d];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d - 1; c++) {
                row[c] = x.get(r, c);
            }
            row[d - 1] = 1;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a[i][j] += row[i] * row[j];
                }
                a[i][d] += row[i] * y[r];
            }
        }
        double[] w = solve(a);
        double sse = 0;
        for (int r = 0; r < n; r++) {
            double p = w[d - 1];
            for (int c = 0; c < d - 1; c++) {
                p += w[c] * x.get(r, c);
            }
            sse += (p - y[r]) * (p - y[r]);
        }
        return sse / n;
    }

    /** Gaussian elimination with partial pivoting on an augmented d x (d+1) system. */
    static double[] solve(double[][] a) {
        int d = a.length;
        for (int col = 0; col < d; col++) {
            int pivot = col;
            for (int r = col + 1; r < d; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = col + 1; r < d; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c <= d; c++) {
                    a[r][c] -= f * a[col][c];
                }
            }
        }
        double[] w = new double[d];
        for (int r = d - 1; r >= 0; r--) {
            double s = a[r][d];
            for (int c = r + 1; c < d; c++) {
                s -= a[r][c] * w[c];
            }
            w[r] = s / a[r][r];
        }
        return w;
    }

    static double meanSquaredError(float[] predicted, float[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double e = predicted[i] - (double) y[i];
            s += e * e;
        }
        return s / y.length;
    }

    @Test
    void leastSquaresSolverRecoversAKnownLine() {
        // y = 3x - 2 exactly: the helper the optimum test relies on must find it.
        double[][] a = {{14, 6, 30}, {6, 4, 10}};
        double[] w = solve(a);
        assertEquals(3, w[0], 1e-12);
        assertEquals(-2, w[1], 1e-12);
    }
}
