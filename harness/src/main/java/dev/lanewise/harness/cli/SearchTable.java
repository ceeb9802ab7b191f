package dev.lanewise.harness.cli;

import dev.lanewise.model.select.CandidateResult;
import dev.lanewise.model.select.SearchResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** What {@code train --search} prints of a search: the best candidates with their cross-validated scores. */
final class SearchTable {
    private SearchTable() {}

    /** The candidates, best first (at most ten), and the one picked. */
    static void print(SearchResult result, PrintStream out) {
        List<CandidateResult> ranked = new ArrayList<>(result.candidates());
        ranked.sort(Comparator.comparingDouble(CandidateResult::meanScore).reversed());
        out.printf(Locale.ROOT, "%4s %12s %12s %12s %14s %12s%n", "rank", "lr", "l2", "l1", "mean score", "std");
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            CandidateResult c = ranked.get(i);
            out.printf(Locale.ROOT, "%4d %12.4g %12.4g %12.4g %14.6g %12.3g%s%n", i + 1,
                    SearchOptions.value(c.params(), SearchOptions.LR), SearchOptions.value(c.params(), SearchOptions.L2),
                    SearchOptions.value(c.params(), SearchOptions.L1), c.meanScore(), c.stdScore(),
                    c.diverged() ? "  (diverged)" : "");
        }
        if (ranked.size() > 10) {
            out.println("     ... " + (ranked.size() - 10) + " more");
        }
        out.printf(Locale.ROOT, "best: %s, mean score %.6g; refitted on every training row (search took %.1f s)%n",
                result.bestParams(), result.bestScore(), result.seconds());
    }
}
