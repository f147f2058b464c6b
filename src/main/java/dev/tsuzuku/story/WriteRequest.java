package dev.tsuzuku.story;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;

/** Everything a writer may read to write one episode. */
public record WriteRequest(Bible bible, Source source, Season season, EpisodePlan episode) {}
