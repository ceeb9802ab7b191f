package dev.lanewise.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvLoaderTest {
    private static Dataset load(String text, CsvOptions options) throws IOException {
        return CsvLoader.load(new StringReader(text), "mem.csv", options);
    }

    private static CsvFormatException failure(String text, CsvOptions options) {
        return assertThrows(CsvFormatException.class, () -> load(text, options));
    }

    private static void assertMentions(CsvFormatException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + part + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void stringLabelsMapToSortedClasses() throws IOException {
        Dataset d = load("f1,f2,species\n1,2,virginica\n3,4,setosa\n5,6,versicolor\n7,8,setosa\n",
                CsvOptions.classification());
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.labelMapping().names());
        assertArrayEquals(new int[] {2, 0, 1, 0}, d.labels());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, d.features().toArray());
        assertEquals(List.of("f1", "f2"), d.featureNames());
    }

    @Test
    void integerLabelsMapNumerically() throws IOException {
        Dataset d = load("x,y\n0,10\n1,2\n2,-1\n3,02\n", CsvOptions.classification());
        assertEquals(List.of("-1", "2", "10"), d.labelMapping().names());
        assertArrayEquals(new int[] {2, 1, 0, 1}, d.labels());
    }

    @Test
    void targetByNameOrIndexLeavesTheOtherColumnsInOrder() throws IOException {
        String text = "a,t,b\n1,0.5,2\n3,1.5,4\n";
        for (CsvOptions options : List.of(CsvOptions.regression().withTarget("t"), CsvOptions.regression().withTarget(1))) {
            Dataset d = load(text, options);
            assertEquals(List.of("a", "b"), d.featureNames());
            assertArrayEquals(new float[] {1, 2, 3, 4}, d.features().toArray());
            assertArrayEquals(new float[] {0.5f, 1.5f}, d.targets());
        }
    }

    @Test
    void withoutHeaderColumnsAreNumberedAndTheFirstLineIsData() throws IOException {
        Dataset d = load("1,2,0\n3,4,1\n", CsvOptions.classification().withHeader(false));
        assertEquals(2, d.rows());
        assertEquals(List.of("column_0", "column_1"), d.featureNames());
        assertArrayEquals(new int[] {0, 1}, d.labels());
        assertEquals(List.of("column_0", "column_2"),
                load("1,2,0\n3,4,1\n", CsvOptions.regression().withHeader(false).withTarget("column_1")).featureNames());
    }

    @Test
    void quotingBlanksEmptyLinesAndByteOrderMarkAreHandled() throws IOException {
        Dataset d = load("\uFEFF\"a\", b ,label\r\n\r\n 1.5 ,\"-2e1\",\"x, y\"\r\n.25,+3,z\r\n",
                CsvOptions.classification());
        assertEquals(List.of("a", "b"), d.featureNames());
        assertArrayEquals(new float[] {1.5f, -20f, 0.25f, 3f}, d.features().toArray());
        assertEquals(List.of("x, y", "z"), d.labelMapping().names());
    }

    @Test
    void aShortRowNamesTheMissingColumn() {
        CsvFormatException e = failure("a,b,c\n1,2,3\n4,5\n", CsvOptions.regression());
        assertEquals("mem.csv, line 3, column 2 'c': missing: the row has 2 cells where the header (line 1) has 3: [4, 5]",
                e.getMessage());
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        assertEquals("c", e.columnName());
        assertEquals("4,5", e.value());
    }

    @Test
    void aLongRowNamesTheExtraColumn() {
        CsvFormatException e = failure("a,b,c\n1,2,3\n\n4,5,6,7\n", CsvOptions.regression());
        assertMentions(e, "mem.csv", "line 4", "column 3", "has no header", "4 cells", "[4, 5, 6, 7]");
        assertNull(e.columnName());
    }

    @Test
    void aNonNumericCellNamesLineColumnAndValue() {
        CsvFormatException e = failure("a,b,target\n1,2,0\n3,x1,1\n", CsvOptions.classification());
        assertEquals("mem.csv, line 3, column 1 'b': not a number: \"x1\"", e.getMessage());
        assertEquals("x1", e.value());
    }

    @Test
    void emptyNanInfiniteAndOutOfRangeCellsAreRefused() {
        assertEquals("mem.csv, line 2, column 1 'b': empty cell, a number is needed",
                failure("a,b,t\n1,,0\n", CsvOptions.classification()).getMessage());
        assertMentions(failure("a,b,t\n1,NaN,0\n", CsvOptions.classification()), "line 2", "column 1 'b'", "\"NaN\"");
        assertMentions(failure("a,b,t\n1,Infinity,0\n", CsvOptions.classification()), "column 1 'b'", "\"Infinity\"");
        assertMentions(failure("a,b,t\n1,1f,0\n", CsvOptions.classification()), "column 1 'b'", "\"1f\"");
        assertEquals("mem.csv, line 2, column 0 'a': beyond the float range: \"1e39\"",
                failure("a,b,t\n1e39,2,0\n", CsvOptions.classification()).getMessage());
    }

    @Test
    void aNonNumericRegressionTargetNamesTheTargetColumn() {
        assertEquals("mem.csv, line 3, column 1 'y': not a number: \"high\"",
                failure("x,y\n1,2\n3,high\n", CsvOptions.regression()).getMessage());
        assertEquals("mem.csv, line 2, column 1 'y': empty class label",
                failure("x,y\n1,\"\"\n", CsvOptions.classification()).getMessage());
    }

    @Test
    void emptyFilesAreRefused() {
        assertEquals("mem.csv: empty file: no header line", failure("", CsvOptions.regression()).getMessage());
        assertEquals("mem.csv: empty file: no rows",
                failure("\n\n", CsvOptions.regression().withHeader(false)).getMessage());
        CsvFormatException headerOnly = failure("a,b,t\n", CsvOptions.regression());
        assertEquals("mem.csv, line 1: no data rows after the header", headerOnly.getMessage());
        assertEquals(1, headerOnly.line());
        assertMentions(failure("t\n1\n", CsvOptions.regression()), "line 1", "at least one feature column");
    }

    @Test
    void aMissingTargetColumnIsNamed() {
        CsvFormatException byName = failure("a,b,c\n1,2,3\n", CsvOptions.regression().withTarget("y"));
        assertEquals("mem.csv, line 1: no target column named 'y'; the columns are [a, b, c]", byName.getMessage());
        assertEquals("y", byName.value());
        CsvFormatException byIndex = failure("a,b,c\n1,2,3\n", CsvOptions.regression().withTarget(5));
        assertEquals("mem.csv, line 1, column 5: no target column at index 5: the file has 3 columns (0..2)",
                byIndex.getMessage());
        assertMentions(failure("a,b,a\n1,2,3\n", CsvOptions.regression().withTarget("a")),
                "line 1", "column 0 'a'", "not unique", "0 and 2");
        assertThrows(IllegalArgumentException.class, () -> CsvOptions.regression().withTarget(-1));
    }

    @Test
    void malformedQuotingIsAFormatErrorWithTheLine() {
        CsvFormatException e = failure("a,b\n1,2\n3,\"4\n", CsvOptions.regression());
        assertMentions(e, "mem.csv", "line 3", "malformed CSV");
    }

    @Test
    void aMissingFileIsAnIOException() {
        assertThrows(NoSuchFileException.class,
                () -> CsvLoader.load(Path.of("../data/no-such-file.csv"), CsvOptions.regression()));
    }
}
