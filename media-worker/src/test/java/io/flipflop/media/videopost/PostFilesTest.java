package io.flipflop.media.videopost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deleted post's removal, and what an upload that failed meanwhile learns from it. */
class PostFilesTest {

    @TempDir
    Path root;

    @Test
    void anUploadThatFailedUnderARemovedPostLearnsThatThePostIsGone() throws Exception {
        PostFiles files = new PostFiles(root);
        Files.createDirectories(files.assets(7));
        Files.writeString(files.assets(7).resolve(".incoming-thumbnail-1"), "part of an upload");
        Files.createDirectories(files.assets(8));

        assertThat(files.removedMeanwhile(7)).as("a post whose files are there").isFalse();
        files.remove(7);

        assertThat(files.post(7)).doesNotExist();
        assertThat(files.removedMeanwhile(7)).as("a post whose files were removed").isTrue();
        assertThat(files.post(8)).as("another post's files").exists();
    }
}
