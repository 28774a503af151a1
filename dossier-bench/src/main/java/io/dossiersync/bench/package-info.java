/**
 * The benchmark harness of dossier-sync (PRODUCT.md §8): one class per macro scenario ({@code
 * sync-corpus}, {@code drain}, {@code heap}, {@code idle}), each printing its figures as ratios
 * against a floor measured in the same run, and the JMH micro-benchmarks in {@code
 * io.dossiersync.bench.jmh}. An application, not a library: it prints to standard output.
 */
@NullMarked
package io.dossiersync.bench;

import org.jspecify.annotations.NullMarked;
