package io.ziiklb.simulator.ziik;

import java.util.EnumSet;
import java.util.Set;

/** What a generated unit is for, which decides the roles its members get. */
enum PlaceKind {
    TOP, COUNTRY, REGION, SITE, KITCHEN, STATION, FLOOR, BAR, OFFICE, DELIVERY;

    /** Kinds from the one-letter codes of {@link GeneratorCatalogue#ROLES}; a kitchen's roles also serve its stations. */
    static Set<PlaceKind> fromCodes(String codes) {
        Set<PlaceKind> kinds = EnumSet.noneOf(PlaceKind.class);
        for (char c : codes.toCharArray()) {
            switch (c) {
                case 'T' -> kinds.add(TOP);
                case 'C' -> kinds.add(COUNTRY);
                case 'R' -> kinds.add(REGION);
                case 'S' -> kinds.add(SITE);
                case 'K' -> {
                    kinds.add(KITCHEN);
                    kinds.add(STATION);
                }
                case 'F' -> kinds.add(FLOOR);
                case 'B' -> kinds.add(BAR);
                case 'O' -> kinds.add(OFFICE);
                case 'D' -> kinds.add(DELIVERY);
                default -> throw new IllegalArgumentException("unknown place code " + c);
            }
        }
        return kinds;
    }
}
