/**
 * The HTTP adapter of the receiver ports: {@link io.dossiersync.http.HttpContentTransport} ({@code
 * POST /api/dossier/push-content/}) and {@link io.dossiersync.http.HttpEventTransport} ({@code POST
 * /api/v1/events/batch/}) on Apache HttpClient 5 (classic API, pooled connections) and Jackson,
 * configured by {@link io.dossiersync.http.HttpTransportConfig} and created by {@link
 * io.dossiersync.http.HttpTransports}.
 */
@NullMarked
package io.dossiersync.http;

import org.jspecify.annotations.NullMarked;
