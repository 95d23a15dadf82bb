package dev.countersign.server;

import org.jspecify.annotations.Nullable;

/** The body of {@code POST /v1/changes/{id}/reviews}. */
public record ReviewRequest(@Nullable String verdict, @Nullable String digest, @Nullable String comment) {}
