package io.dossiersync.bench.jmh;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings every benchmark of this package shares: one fork with quiet logging (SLF4J at
 * {@code warn}, no jOOQ banner or tips), two 1 s warm-up and three 2 s measured iterations. JMH
 * reads these annotations from the superclass, so a benchmark extends this class and declares only
 * its own state scope, mode and unit.
 */
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
      "-Dorg.jooq.no-logo=true",
      "-Dorg.jooq.no-tips=true"
    })
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
abstract class BenchmarkDefaults {}
