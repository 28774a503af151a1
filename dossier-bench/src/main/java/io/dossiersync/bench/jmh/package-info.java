/**
 * JMH micro-benchmarks of the hot paths: SHA-256 and body eligibility per file, batch enqueue and
 * claim/complete on the SQLite queue, and the JSON of a push-content request. Run them with {@code
 * java -jar dossier-bench.jar jmh} (JMH options follow, e.g. {@code -f 1 -wi 2 -i 3}).
 */
@NullMarked
package io.dossiersync.bench.jmh;

import org.jspecify.annotations.NullMarked;
