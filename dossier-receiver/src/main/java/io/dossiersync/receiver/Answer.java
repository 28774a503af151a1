package io.dossiersync.receiver;

import java.util.Map;

/**
 * What the receiver sends back for one request: a status (0 means drop the connection), the answer
 * code for the ledger, a body (possibly empty), extra headers, and the number of events a processed
 * batch held.
 */
record Answer(int status, String code, byte[] body, Map<String, String> headers, int eventCount) {

  static Answer json(int status, String code, byte[] body) {
    return new Answer(status, code, body, Map.of(), 0);
  }

  static Answer empty(int status, String code) {
    return new Answer(status, code, new byte[0], Map.of(), 0);
  }

  static Answer drop() {
    return new Answer(0, "fault:reset", new byte[0], Map.of(), 0);
  }

  Answer withHeader(String name, String value) {
    return new Answer(status, code, body, Map.of(name, value), eventCount);
  }

  Answer withEventCount(int count) {
    return new Answer(status, code, body, headers, count);
  }
}
