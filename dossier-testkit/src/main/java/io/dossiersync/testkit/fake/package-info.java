/**
 * Scripted fakes of the transport ports: {@link ScriptedContentTransport}, {@link
 * ScriptedEventTransport} and {@link ScriptedTokenProvider}. Each answers from a script, records
 * what it was asked, is thread-safe, and offers await helpers whose failure message lists what
 * arrived. {@link RecordingSleeper} is the sleeper of a drain under test: it records each wait and
 * moves a {@link io.dossiersync.testkit.MutableClock} instead of blocking.
 */
@NullMarked
package io.dossiersync.testkit.fake;

import org.jspecify.annotations.NullMarked;
