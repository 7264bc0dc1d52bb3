package org.connectionadvisor.engine;

import java.util.List;

import org.connectionadvisor.Actor;
import org.connectionadvisor.Source;

/**
 * A row rule as the catalog knows it from its metadata: what every recommendation of it carries besides the text, and
 * who can act on it ({@code @actor}).
 */
public record Row(String id, String title, List<Source> sources, int salience, String rule, String file, Actor actor) {
}
