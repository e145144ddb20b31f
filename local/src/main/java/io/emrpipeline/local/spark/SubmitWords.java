package io.emrpipeline.local.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a sparkSubmitParameters string into words: whitespace separates, single or double
 * quotes group (so {@code --conf "spark.driver.extraJavaOptions=-Da=1 -Db=2"} is two words).
 * No escapes, variables or globbing: the words go to spark-submit as they are, never to a shell.
 */
final class SubmitWords {

    private SubmitWords() {}

    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new InvalidSparkSubmitParameters("a " + quote + " quote is not closed in: " + text);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
