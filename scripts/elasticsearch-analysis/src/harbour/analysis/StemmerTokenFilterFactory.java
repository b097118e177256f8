package harbour.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;

/** The English subset of Elasticsearch's "stemmer" token filter. */
@NamedComponent("stemmer")
public class StemmerTokenFilterFactory implements TokenFilterFactory {
    @AnalysisSettings
    public interface Settings {
        @StringSetting(path = "language", defaultValue = "english")
        String language();
    }

    private final String language;

    @Inject
    public StemmerTokenFilterFactory(Settings settings) {
        this.language = settings.language();
        if (!java.util.Set.of("english", "porter", "light_english", "kstem", "minimal_english", "possessive_english")
            .contains(language)) {
            throw new IllegalArgumentException(
                "stemmer language [" + language + "] is not supported by the harbour-analysis plugin"
            );
        }
    }

    @Override
    public TokenStream create(TokenStream input) {
        return switch (language) {
            case "english", "porter" -> new PorterStemFilter(input);
            case "light_english", "kstem" -> new KStemFilter(input);
            case "minimal_english" -> new EnglishMinimalStemFilter(input);
            case "possessive_english" -> new EnglishPossessiveFilter(input);
            default -> new PorterStemFilter(input);
        };
    }
}
