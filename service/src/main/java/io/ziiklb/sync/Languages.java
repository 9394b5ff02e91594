package io.ziiklb.sync;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rule P7: Ziik's ISO-639-1 language to Learningbank's code. */
public final class Languages {
    private static final Map<String, String> RENAMED = Map.of(
            "et", "et_EE", "lv", "lv_LV", "ro", "ro_RO", "nb", "no", "nn", "no", "no", "no");
    private static final Set<String> SAME = Set.of(
            "en", "da", "de", "es", "fi", "fr", "it", "ja", "lt", "nl", "pl", "pt", "ru", "sk", "sv");

    private Languages() {
    }

    /** Learningbank's code, or empty when Learningbank has no such language (then the field is not sent). */
    public static Optional<String> toLearningbank(String ziikLanguage) {
        if (ziikLanguage == null) {
            return Optional.empty();
        }
        String code = ziikLanguage.trim().toLowerCase(Locale.ROOT);
        if (SAME.contains(code)) {
            return Optional.of(code);
        }
        return Optional.ofNullable(RENAMED.get(code));
    }
}
