package dev.lanewise.harness.bench;

import java.awt.Color;
import java.awt.Rectangle;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/** Bar charts of rates, drawn by JFreeChart onto an SVG canvas. */
public final class Charts {
    private Charts() {}

    /** The rate a chart shows for a measurement: GFLOPS where flops are stated, else Gelem/s. */
    static double primaryRate(Measurement m) {
        return Double.isNaN(m.gflops()) ? m.gelemsPerSecond() : m.gflops();
    }

    static String primaryUnit(List<Measurement> measurements) {
        return measurements.stream().allMatch(m -> !Double.isNaN(m.gflops())) ? "GFLOPS" : "GFLOPS or Gelem/s";
    }

    /** A grouped bar chart: one group per kernel and parameters, one bar per series label. */
    public static String barChart(String title, List<Measurement> measurements,
            java.util.function.Function<Measurement, String> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Measurement m : measurements) {
            String category = Implementation.kernel(m.method()) + " " + m.paramLabel();
            data.addValue(primaryRate(m), series.apply(m), category);
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, primaryUnit(measurements), data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        int width = Math.max(700, 40 * data.getColumnCount() * Math.max(1, data.getRowCount()) / 2 + 200);
        SVGGraphics2D svg = new SVGGraphics2D(width, 480);
        chart.draw(svg, new Rectangle(0, 0, width, 480));
        return svg.getSVGDocument();
    }
}
