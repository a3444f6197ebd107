package com.trustportal.api.rest;

import java.util.List;

/** One page of a longer list: {@code items} from position {@code first} of {@code total}. */
public record PageJson<T>(long total, int first, int max, List<T> items) {}
