package io.emrpipeline.examples;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.substring;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The script-mode {@code .jar} example: counts the words of a text by their first letter and
 * writes CSV rows {@code letter,words}, most frequent first.
 *
 * <p>Usage: {@code LetterCounts INPUT OUTPUT} (s3:// on EMR Serverless, local paths locally).
 */
public final class LetterCounts {

    private LetterCounts() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: LetterCounts INPUT OUTPUT");
            System.exit(64);
        }
        SparkSession spark = SparkSession.builder().appName("letter-counts").getOrCreate();
        try {
            Dataset<Row> words = spark.read().text(args[0])
                    .select(explode(split(lower(col("value")), "[^\\p{L}\\p{N}']+")).as("word"))
                    .where(col("word").notEqual(""));
            words.groupBy(substring(col("word"), 1, 1).as("letter"))
                    .agg(count("*").as("words"))
                    .orderBy(col("words").desc(), col("letter"))
                    .coalesce(1)
                    .write().mode("overwrite").option("header", true).csv(args[1]);
        } finally {
            spark.stop();
        }
    }
}
