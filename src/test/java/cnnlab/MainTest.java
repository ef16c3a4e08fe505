package cnnlab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aFolderWithoutTheDatasetIsOneClearLineNotAStackTrace(@TempDir Path empty) {
        int code = run("train", "text-sst2-w2v", "--data", empty.toString(), "--epochs", "1");
        String said = err.toString().strip();
        assertEquals(1, code, said);
        assertTrue(said.startsWith("train: ") && said.contains(empty.toString()), said);
        assertFalse(said.contains("\tat ") || said.contains("Exception"), "no stack trace: " + said);
        assertEquals(1, said.lines().count(), said);
    }

    @Test
    void aMissingFileIsNamedAsSuch(@TempDir Path folder) {
        Path missing = folder.resolve("nothing-here");
        int code = run("evaluate", "mnist", "--data", missing.toString());
        String said = err.toString().strip();
        assertEquals(1, code, said);
        assertTrue(said.contains(missing.toString()), said);
        assertFalse(said.contains("\tat "), "no stack trace: " + said);
    }

    @Test
    void aBugKeepsItsStackTrace() {
        assertThrows(IllegalStateException.class,
                () -> Main.reportInputError(new IllegalStateException("a bug"), Main.commandLine(), null));
    }
}
