package io.ziiklb.simulator.ziik;

import io.ziiklb.simulator.ziik.GeneratedTree.Site;
import io.ziiklb.simulator.ziik.GeneratedTree.Slot;
import io.ziiklb.simulator.ziik.GeneratorCatalogue.Country;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Grows the unit tree of a generated organisation: top (the company) → country → region → site →
 * section (Kitchen, Floor, Bar, Office, a "Delivery" department) → kitchen station (Pastry,
 * Grill), so levels 0 to 5. About one unit per {@value #USERS_PER_UNIT} users. Every site has a
 * "Kitchen" and every country a "North", so names repeat across branches as in real chains.
 */
final class UnitTreeGenerator {
    static final int USERS_PER_UNIT = 16;
    /** Units per site (≈4.1 on average) plus each site's share of regions and countries. */
    private static final double UNITS_PER_SITE = 4.35;
    private static final int SITES_PER_REGION = 8;
    private static final int SITES_PER_COUNTRY = 35;

    private final OrgState state;
    private final Random random;
    private int units;
    private int departments;
    private int maxLevel;

    UnitTreeGenerator(OrgState state, Random random) {
        this.state = state;
        this.random = random;
    }

    GeneratedTree grow(int users, String company) {
        int siteCount = (int) Math.max(1, Math.round((Math.max(6.0, (double) users / USERS_PER_UNIT) - 1) / UNITS_PER_SITE));
        int countryCount = (int) Math.clamp(Math.round((double) siteCount / SITES_PER_COUNTRY), 1, GeneratorCatalogue.COUNTRIES.size());
        int regionsPerCountry = (int) Math.max(1, Math.round((double) siteCount / (countryCount * SITES_PER_REGION)));

        UnitRow top = state.topUnit().withName(company);
        state.replaceUnit(top);
        units++;
        Country home = GeneratorCatalogue.COUNTRIES.getFirst();
        List<Slot> upper = new ArrayList<>();
        List<Slot> regions = new ArrayList<>();
        for (int c = 0; c < countryCount; c++) {
            Country country = GeneratorCatalogue.COUNTRIES.get(c);
            int countryId = add(country.name(), top.id(), UnitType.UNIT, 1);
            upper.add(new Slot(countryId, 0, PlaceKind.COUNTRY, country));
            for (int r = 0; r < regionsPerCountry; r++) {
                int regionId = add(numbered(GeneratorCatalogue.REGIONS, r, 0), countryId, UnitType.UNIT, 2);
                regions.add(new Slot(regionId, 0, PlaceKind.REGION, country));
            }
        }
        upper.addAll(regions);
        List<Site> sites = new ArrayList<>(siteCount);
        for (int s = 0; s < siteCount; s++) {
            int regionIndex = s % regions.size();
            sites.add(site(regions.get(regionIndex), numbered(GeneratorCatalogue.SITES, s / regions.size(), regionIndex * 7)));
        }
        return new GeneratedTree(new Slot(top.id(), 0, PlaceKind.TOP, home), upper, sites, units, departments, maxLevel);
    }

    private Site site(Slot region, String name) {
        Country country = region.country();
        int siteId = add(name, region.unitId(), UnitType.UNIT, 3);
        List<Slot> sections = new ArrayList<>();
        int kitchenId = add("Kitchen", siteId, UnitType.UNIT, 4);
        sections.add(new Slot(kitchenId, 0, PlaceKind.KITCHEN, country));
        if (random.nextDouble() < 0.10) {
            sections.add(new Slot(add("Pastry", kitchenId, UnitType.UNIT, 5), 0, PlaceKind.STATION, country));
            sections.add(new Slot(add("Grill", kitchenId, UnitType.UNIT, 5), 0, PlaceKind.STATION, country));
        }
        sections.add(new Slot(add("Floor", siteId, UnitType.UNIT, 4), 0, PlaceKind.FLOOR, country));
        if (random.nextDouble() < 0.70) {
            sections.add(new Slot(add("Bar", siteId, UnitType.UNIT, 4), 0, PlaceKind.BAR, country));
        }
        if (random.nextDouble() < 0.15) {
            sections.add(new Slot(add("Office", siteId, UnitType.UNIT, 4), 0, PlaceKind.OFFICE, country));
        }
        if (random.nextDouble() < 0.05) {
            int departmentId = add("Delivery", siteId, UnitType.DEPARTMENT, 4);
            departments++;
            sections.add(new Slot(siteId, departmentId, PlaceKind.DELIVERY, country));
        }
        return new Site(new Slot(siteId, 0, PlaceKind.SITE, country), sections);
    }

    private int add(String name, int parentId, UnitType type, int level) {
        units++;
        maxLevel = Math.max(maxLevel, level);
        return state.addUnit(name, parentId, type).id();
    }

    /**
     * The {@code index}-th name of a pool, rotated by {@code offset} so siblings elsewhere start
     * differently, and numbered once the pool runs out: unique among siblings, repeated elsewhere.
     */
    private static String numbered(List<String> pool, int index, int offset) {
        String name = pool.get((index + offset) % pool.size());
        int round = index / pool.size();
        return round == 0 ? name : name + " " + (round + 1);
    }
}
