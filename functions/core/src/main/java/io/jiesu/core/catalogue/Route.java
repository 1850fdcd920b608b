package io.jiesu.core.catalogue;

import java.util.List;

/** Where the catalogue sends a ticket, and which matter decided it. */
public record Route(String matterCode, String leadUnit, List<String> coUnits) {
}
