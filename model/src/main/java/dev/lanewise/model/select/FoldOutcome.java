package dev.lanewise.model.select;

/**
 * What one fit on one fold gave: its test score, whether the fit diverged (then the score is
 * {@code -Infinity}), and the seconds the fit and the scoring took.
 */
record FoldOutcome(double score, boolean diverged, double seconds) {}
