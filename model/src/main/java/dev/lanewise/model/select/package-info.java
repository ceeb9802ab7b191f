/**
 * Model selection: {@link dev.lanewise.model.select.CrossValidation k-fold and stratified k-fold
 * cross-validation}, {@link dev.lanewise.model.select.GridSearch grid} and
 * {@link dev.lanewise.model.select.RandomSearch random} search over any hyperparameter (scored by
 * cross-validation, in parallel, the best refitted), and the
 * {@link dev.lanewise.model.select.LrRangeTest learning-rate range test}. Scores follow scikit-learn's
 * convention: higher is better ({@link dev.lanewise.model.select.Scoring}).
 */
package dev.lanewise.model.select;
