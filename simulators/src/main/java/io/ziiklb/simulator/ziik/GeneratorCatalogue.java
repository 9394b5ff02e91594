package io.ziiklb.simulator.ziik;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The word pools {@link OrganisationGenerator} draws from: a restaurant chain across the Nordics
 * and beyond. Names repeat on purpose (every site has a "Kitchen", every country a "North"), and
 * people's names carry the letters an email must fold (ø, æ, ð, þ, ü).
 */
final class GeneratorCatalogue {
    private GeneratorCatalogue() {
    }

    record Country(String name, String language, String timezone) {
    }

    /** A role, and where its holders work; no kinds means anywhere. */
    record RoleSpec(String name, Set<PlaceKind> kinds) {
        RoleSpec(String name, String codes) {
            this(name, PlaceKind.fromCodes(codes));
        }
    }

    static final List<String> COMPANIES = List.of("Nordic Bites", "Fjord & Fire", "Hygge Kitchens",
            "North Sea Diners", "Copper Kettle Group", "Baltic Burger Co", "Smørrebrød & Sønner", "Polar Pantry");

    /** In the order a growing chain opens them. */
    static final List<Country> COUNTRIES = List.of(
            new Country("Denmark", "da", "Europe/Copenhagen"),
            new Country("Sweden", "sv", "Europe/Stockholm"),
            new Country("Norway", "nb", "Europe/Oslo"),
            new Country("Germany", "de", "Europe/Berlin"),
            new Country("United Kingdom", "en", "Europe/London"),
            new Country("Finland", "fi", "Europe/Helsinki"),
            new Country("Iceland", "is", "Atlantic/Reykjavik"),
            new Country("Greenland", "kl", "America/Nuuk"));

    static final List<String> REGIONS = List.of("North", "South", "East", "West", "Central", "Coast", "Capital",
            "Islands", "Inland", "Metro", "Lakes", "Highlands", "Valley", "Riverside", "Midlands", "Border",
            "Peninsula", "Fjords", "Forest", "Plains", "Bay", "Uplands", "Lowlands", "Archipelago");

    static final List<String> SITES = List.of("Harbour", "Station", "Airport", "Old Town", "Mall", "Main Street",
            "Market Square", "Waterfront", "University", "Stadium", "City Centre", "Park", "Beach", "Castle",
            "Cathedral", "High Street", "Central Station", "Marina", "Hillside", "Lakeside", "Bridge", "Docks",
            "Theatre", "Museum", "Garden", "Square", "Tower", "Pier", "Gate", "Quay");

    /**
     * The roles, in the order organisations grow into them: the first few cover every kind of
     * place, so a small organisation still has a chef, a waiter and a manager. Codes: T top,
     * C country, R region, S site, K kitchen, F floor, B bar, O office, D delivery department.
     */
    static final List<RoleSpec> ROLES = List.of(
            new RoleSpec("Chef", "K"), new RoleSpec("Waiter", "F"), new RoleSpec("Manager", "S"),
            new RoleSpec("Bartender", "B"), new RoleSpec("Cook", "K"), new RoleSpec("Host", "F"),
            new RoleSpec("Dishwasher", "K"), new RoleSpec("Regional Manager", "RC"), new RoleSpec("Trainee", ""),
            new RoleSpec("Barista", "B"), new RoleSpec("Sous Chef", "K"), new RoleSpec("Office Assistant", "OT"),
            new RoleSpec("Cleaner", ""), new RoleSpec("Runner", "F"), new RoleSpec("Assistant Manager", "S"),
            new RoleSpec("Country Manager", "C"), new RoleSpec("Head Chef", "K"), new RoleSpec("Sommelier", "FB"),
            new RoleSpec("Accountant", "OT"), new RoleSpec("HR Partner", "OTC"), new RoleSpec("Shift Leader", "SF"),
            new RoleSpec("Pastry Chef", "K"), new RoleSpec("Grill Cook", "K"), new RoleSpec("Kitchen Assistant", "K"),
            new RoleSpec("Cashier", "F"), new RoleSpec("Delivery Driver", "D"), new RoleSpec("Area Manager", "R"),
            new RoleSpec("Trainer", ""), new RoleSpec("Payroll Specialist", "OT"),
            new RoleSpec("Maintenance Technician", ""), new RoleSpec("Purchaser", "OT"),
            new RoleSpec("Marketing Coordinator", "TC"), new RoleSpec("IT Support", "T"),
            new RoleSpec("Food Safety Officer", "KS"), new RoleSpec("Event Coordinator", "FS"),
            new RoleSpec("Receptionist", "F"), new RoleSpec("Apprentice", ""), new RoleSpec("Student Worker", ""),
            new RoleSpec("Head Waiter", "F"), new RoleSpec("Bar Manager", "B"), new RoleSpec("Kitchen Manager", "K"),
            new RoleSpec("Operations Manager", "TCR"), new RoleSpec("Chief Executive Officer", "T"),
            new RoleSpec("Finance Director", "T"), new RoleSpec("Recruiter", "OT"),
            new RoleSpec("Health and Safety Representative", ""), new RoleSpec("Quality Manager", "T"),
            new RoleSpec("Supply Chain Planner", "T"), new RoleSpec("Catering Coordinator", "D"),
            new RoleSpec("Night Manager", "S"), new RoleSpec("Barback", "B"), new RoleSpec("Prep Cook", "K"));

    static final List<String> FIRST_NAMES = List.of("Anne", "Mette", "Søren", "Lars", "Jens", "Freja", "Mads", "Ida",
            "Åsa", "Björn", "Ingrid", "Oskar", "Elin", "Nils", "Kari", "Håkon", "Sigrid", "Jürgen", "Lena", "Felix",
            "Jonas", "Mia", "Sophie", "Oliver", "Emma", "James", "Chloe", "Aino", "Eero", "Sanna", "Guðrún", "Jón",
            "Þóra", "Aputsiaq", "Naja", "Olena", "Taras", "Fatima", "Omar", "Yusuf", "Leila", "Piotr", "Zofia",
            "Lucía", "Mateo", "Chiara", "Noah", "Liam", "Amira", "Æbbe");

    static final List<String> LAST_NAMES = List.of("Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen",
            "Christensen", "Larsen", "Sørensen", "Johansson", "Andersson", "Karlsson", "Nilsson", "Eriksson", "Berg",
            "Haugen", "Johansen", "Olsen", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Smith", "Jones",
            "Taylor", "Brown", "Williams", "Virtanen", "Korhonen", "Mäkinen", "Jónsson", "Sigurðardóttir", "Kleist",
            "Lynge", "Shevchenko", "Kovalenko", "Haddad", "Khalil", "Nowak", "Kowalski", "García", "Rossi", "Dubois",
            "O'Brien", "van der Berg", "Al-Sayed", "Petersen", "Madsen", "Lund", "Ærø");

    /**
     * Languages of people who do not speak their country's: mostly ones Learningbank has, and
     * some it lacks ({@code is}, {@code kl}, {@code uk}, {@code ar}).
     */
    static final List<String> OTHER_LANGUAGES =
            List.of("da", "sv", "nb", "de", "en", "fi", "pl", "es", "is", "kl", "uk", "ar");

    static final List<String> FOLDED_FIRST_NAMES = FIRST_NAMES.stream().map(GeneratorCatalogue::fold).toList();
    static final List<String> FOLDED_LAST_NAMES = LAST_NAMES.stream().map(GeneratorCatalogue::fold).toList();

    /** Lower-case ASCII letters and digits only, for email addresses: "Sigurðardóttir" → "sigurdardottir". */
    static String fold(String s) {
        String replaced = s.replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "Ae")
                .replace("ð", "d").replace("Ð", "D").replace("þ", "th").replace("Þ", "Th").replace("ß", "ss");
        return Normalizer.normalize(replaced, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
