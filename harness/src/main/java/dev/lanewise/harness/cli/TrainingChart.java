package dev.lanewise.harness.cli;

import dev.lanewise.model.train.EpochRecord;
import dev.lanewise.model.train.History;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The curves of a fit as one SVG, panels stacked over a shared epoch axis: the training and validation loss
 * (a validation loss rising while the training loss falls is overfitting; both high and flat is underfitting),
 * the metric, the learning rate, and each layer's gradient norm on a log scale (a layer whose norm sinks by
 * orders of magnitude below the others is a vanishing gradient). Drawn by JFreeChart on JFreeSVG's canvas,
 * as the benchmark reports are.
 */
public final class TrainingChart {
    static final String TRAINING_LOSS = "training loss";
    static final String VALIDATION_LOSS = "validation loss";
    static final String LEARNING_RATE = "learning rate";
    static final String GRADIENT_NORM = " gradient norm";

    /** Dark enough to read on white, and told apart by people with the common colour-vision deficiencies (Okabe-Ito). */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0x999999)};

    private static final int WIDTH = 900;
    private static final int PANEL_HEIGHT = 220;

    private TrainingChart() {}

    /** The chart of {@code history} as an SVG document. */
    public static String svg(History history, String title) {
        JFreeChart chart = chart(history, title);
        int height = 120 + PANEL_HEIGHT * ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots().size();
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, height);
        chart.draw(svg, new Rectangle(0, 0, WIDTH, height));
        return svg.getSVGDocument();
    }

    /** The chart, before drawing. */
    static JFreeChart chart(History history, String title) {
        List<EpochRecord> epochs = history.epochs();
        boolean validation = epochs.stream().anyMatch(r -> !Double.isNaN(r.validationLoss()));

        XYSeries train = new XYSeries(TRAINING_LOSS);
        XYSeries valid = new XYSeries(VALIDATION_LOSS);
        String metricName = epochs.isEmpty() ? "" : epochs.get(0).metricName();
        XYSeries metric = new XYSeries((validation ? "validation " : "training ") + metricName);
        XYSeries lr = new XYSeries(LEARNING_RATE);
        List<String> layers = history.layerNames();
        XYSeriesCollection norms = new XYSeriesCollection();
        XYSeries[] layerNorms = new XYSeries[layers.size()];
        for (int l = 0; l < layers.size(); l++) {
            layerNorms[l] = new XYSeries(layers.get(l) + GRADIENT_NORM);
            norms.addSeries(layerNorms[l]);
        }
        for (EpochRecord r : epochs) {
            addFinite(train, r.epoch(), r.trainLoss());
            addFinite(valid, r.epoch(), r.validationLoss());
            addFinite(metric, r.epoch(), r.metric());
            addFinite(lr, r.epoch(), r.lr());
            double[] g = r.layerGradNorms();
            for (int l = 0; l < layerNorms.length && l < g.length; l++) {
                if (g[l] > 0 && Double.isFinite(g[l])) { // a log axis has no place for 0
                    layerNorms[l].add(r.epoch(), g[l]);
                }
            }
        }

        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochAxis);
        int[] color = {0}; // one color per series across the panels, so the shared legend tells them apart
        plot.setGap(12);
        XYSeriesCollection losses = new XYSeriesCollection(train);
        if (validation) {
            losses.addSeries(valid);
        }
        // Log scale: the loss falls by orders of magnitude, and the gap between training and validation (the
        // sign of overfitting) must stay visible next to the first epochs' values.
        boolean positive = epochs.stream().allMatch(r -> !(r.trainLoss() <= 0) && !(r.validationLoss() <= 0));
        plot.add(panel(losses, positive ? log("loss (log)") : linear("loss"), color), 3);
        if (!metricName.isEmpty()) {
            plot.add(panel(new XYSeriesCollection(metric), linear(metricName), color), 2);
        }
        NumberAxis lrAxis = new NumberAxis("learning rate");
        lrAxis.setAutoRangeIncludesZero(true); // a constant rate then reads as one, not as noise in the 7th digit
        plot.add(panel(new XYSeriesCollection(lr), lrAxis, color), 2);
        plot.add(panel(norms, log("gradient norm (log)"), color), 3);

        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static NumberAxis linear(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /** A log axis labelled at whole, double or half decades, as 1E-3, 3.16E-3, ... */
    private static LogAxis log(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setSmallestValue(1e-30);
        TickUnits units = new TickUnits();
        for (double exponentStep : new double[] {0.5, 1, 2, 5, 10}) {
            units.add(new NumberTickUnit(exponentStep));
        }
        axis.setStandardTickUnits(units);
        axis.setNumberFormatOverride(new DecimalFormat("0.##E0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        return axis;
    }

    private static XYPlot panel(XYSeriesCollection data, ValueAxis axis, int[] nextColor) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesStroke(s, new BasicStroke(1.6f));
            renderer.setSeriesPaint(s, PALETTE[nextColor[0]++ % PALETTE.length]);
        }
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    private static void addFinite(XYSeries series, int epoch, double value) {
        if (Double.isFinite(value)) {
            series.add(epoch, value);
        }
    }
}
