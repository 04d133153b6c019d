package io.tsmtck.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing an earlier run wrote survives into the next one; nothing else is touched. */
class ReportFilesTest {

    @Test
    void everyFileAndFolderOfAnEarlierRunIsRemovedAndOthersAreKept(@TempDir Path directory) throws IOException {
        for (String name : ReportFiles.ALL) {
            if (name.contains(".")) {
                Files.writeString(directory.resolve(name), "from an earlier run: CERTIFIED");
            } else {
                Files.createDirectories(directory.resolve(name).resolve("nested"));
                Files.writeString(directory.resolve(name).resolve("nested").resolve("old.xml"), "old");
            }
        }
        Files.writeString(directory.resolve("notes-of-the-vendor.txt"), "mine");

        ReportFiles.clear(directory);

        try (var left = Files.list(directory)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("notes-of-the-vendor.txt");
        }
    }

    @Test
    void anEmptyOrMissingDirectoryIsFine(@TempDir Path directory) throws IOException {
        ReportFiles.clear(directory);

        assertThat(directory).isEmptyDirectory();
    }
}
