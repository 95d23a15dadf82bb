package dev.countersign.server;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/changes}. Jackson fills it; absent fields arrive as null and are
 * refused or defaulted by {@link ChangeService}.
 *
 * @param author only for service identities (pipelines): the accountable human they act for
 */
public record ProposeRequest(
    @Nullable String kind,
    @Nullable String environment,
    @Nullable List<String> services,
    @Nullable Boolean aiAssisted,
    @Nullable String title,
    @Nullable String content,
    @Nullable String author) {}
