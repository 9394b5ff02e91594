package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rule P7: Ziik's ISO-639-1 code to Learningbank's, or nothing (the platform's default). */
class LanguagesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"et,et_EE", "lv,lv_LV", "ro,ro_RO", "nb,no", "nn,no", "no,no",
            "en,en", "da,da", "de,de", "es,es", "fi,fi", "fr,fr", "it,it", "ja,ja", "lt,lt", "nl,nl", "pl,pl",
            "pt,pt", "ru,ru", "sk,sk", "sv,sv",
            "' DA ',da", "NB,no", "Et,et_EE"})
    void P7_ziikLanguageMapsToLearningbanks(String ziik, String learningbank) {
        assertThat(Languages.toLearningbank(ziik)).contains(learningbank);
    }

    @ParameterizedTest(name = "{0} is not sent")
    @NullSource
    @ValueSource(strings = {"is", "et_EE", "", "english", "zh"})
    void P7_anyOtherLanguageIsNotSent(String ziik) {
        assertThat(Languages.toLearningbank(ziik)).isEmpty();
    }
}
