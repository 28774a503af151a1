/**
 * Scripted fakes of the transport ports: {@link io.dossiersync.testkit.fake.ScriptedContentTransport},
 * {@link io.dossiersync.testkit.fake.ScriptedEventTransport} and {@link
 * io.dossiersync.testkit.fake.ScriptedTokenProvider}. Each answers from a script, records what it
 * was asked, is thread-safe, and offers await helpers whose failure message lists what arrived.
 */
@NullMarked
package io.dossiersync.testkit.fake;

import org.jspecify.annotations.NullMarked;
