package dev.ioscope.app.explorer;

import dev.ioscope.engine.snapshot.SnapshotFormat;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Syntax colouring for the source view: one regular expression per format, named groups = CSS classes. */
final class SourceHighlighter {
    private static final Pattern XML = Pattern.compile(
            "(?<comment><!--.*?-->|<\\?.*?\\?>|<!DOCTYPE[^>]*>)|(?<key><key>[^<]*</key>)"
                    + "|(?<tag></?[a-zA-Z]+/?>)|(?<number>(?<=<integer>)-?\\d+)");
    private static final Pattern JSON = Pattern.compile(
            "(?<key>\"(?:[^\"\\\\]|\\\\.)*\"(?=\\s*:))|(?<string>\"(?:[^\"\\\\]|\\\\.)*\")"
                    + "|(?<number>-?\\b\\d+(?:\\.\\d+)?\\b)|(?<keyword>\\btrue\\b|\\bfalse\\b|\\bnull\\b)");
    private static final Pattern TEXT = Pattern.compile(
            "(?<tag>\\+-o [^<\\n]*)|(?<comment><class [^>\\n]*>)|(?<key>\"[^\"\\n]*\"(?= = ))"
                    + "|(?<string>\"[^\"\\n]*\")|(?<data><[0-9a-f]*>)|(?<number>\\b\\d+\\b)"
                    + "|(?<keyword>\\bYes\\b|\\bNo\\b)");
    private static final List<String> GROUPS = List.of("comment", "key", "tag", "string", "number", "keyword", "data");

    private SourceHighlighter() {
    }

    static StyleSpans<Collection<String>> spans(String text, SnapshotFormat format) {
        Pattern p = switch (format) {
            case IOREG_XML -> XML;
            case JSON -> JSON;
            default -> TEXT;
        };
        Matcher m = p.matcher(text);
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String cls = null;
            for (String g : GROUPS) {
                try {
                    if (m.group(g) != null) {
                        cls = "src-" + g;
                        break;
                    }
                } catch (IllegalArgumentException noSuchGroup) {
                    // this format's pattern lacks the group
                }
            }
            b.add(Collections.emptyList(), m.start() - last);
            b.add(cls == null ? Collections.emptyList() : List.of(cls), m.end() - m.start());
            last = m.end();
        }
        b.add(Collections.emptyList(), text.length() - last);
        return b.create();
    }
}
