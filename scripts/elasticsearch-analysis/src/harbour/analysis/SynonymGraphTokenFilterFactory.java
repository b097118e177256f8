package harbour.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalysisMode;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * Elasticsearch's "synonym_graph" token filter for inline synonyms in Solr format
 * ("nursery, childcare" or "mum => mother"). Rules are parsed with a standard tokenizer,
 * lower-cased and ASCII-folded, so the filter belongs after those filters in an analyzer.
 */
@NamedComponent("synonym_graph")
public class SynonymGraphTokenFilterFactory implements TokenFilterFactory {
    @AnalysisSettings
    public interface Settings {
        @ListSetting(path = "synonyms")
        java.util.List<String> synonyms();

        @BooleanSetting(path = "expand", defaultValue = true)
        boolean expand();

        @BooleanSetting(path = "lenient", defaultValue = false)
        boolean lenient();
    }

    private final SynonymMap synonymMap;

    @Inject
    public SynonymGraphTokenFilterFactory(Settings settings) {
        this.synonymMap = buildMap(settings);
    }

    private static SynonymMap buildMap(Settings settings) {
        Analyzer ruleAnalyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
        SolrSynonymParser parser = new SolrSynonymParser(true, settings.expand(), ruleAnalyzer);
        int lineNumber = 0;
        for (String rule : settings.synonyms()) {
            lineNumber++;
            try {
                parser.parse(new StringReader(rule));
            } catch (IOException | ParseException | IllegalArgumentException e) {
                if (!settings.lenient()) {
                    throw new IllegalArgumentException("invalid synonym rule " + lineNumber + " [" + rule + "]: " + e.getMessage(), e);
                }
            }
        }
        try {
            return parser.build();
        } catch (IOException e) {
            throw new IllegalArgumentException("could not build the synonym map", e);
        }
    }

    @Override
    public TokenStream create(TokenStream input) {
        return synonymMap.fst == null ? input : new SynonymGraphFilter(input, synonymMap, true);
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return AnalysisMode.SEARCH_TIME;
    }
}
