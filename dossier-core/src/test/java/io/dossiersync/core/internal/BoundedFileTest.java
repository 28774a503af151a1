package io.dossiersync.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The bounded whole-file read on the real file system, special files included. */
class BoundedFileTest {

  @TempDir Path dir;

  @Test
  void aSmallRegularFileIsReadWhole() throws Exception {
    Path file = Files.writeString(dir.resolve("meta.json"), "{}");

    assertThat(BoundedFile.read(file)).containsExactly('{', '}');
  }

  @Test
  void aFileOfExactlyTheLimitIsRead() throws Exception {
    Path file = Files.write(dir.resolve("f"), new byte[16]);

    assertThat(BoundedFile.read(file, 16)).hasSize(16);
  }

  @Test
  void aFileOverTheLimitIsRefusedNamingIt() throws Exception {
    Path file = Files.write(dir.resolve("big.yaml"), new byte[BoundedFile.DEFAULT_LIMIT + 1]);

    assertThatThrownBy(() -> BoundedFile.read(file))
        .isInstanceOf(BoundedFile.Refused.class)
        .hasMessage(file + ": larger than 1 MiB; a file read whole must be at most 1 MiB");
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void devZeroIsRefusedWithoutReading() throws Exception {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "no /dev/zero on this OS");
    Path link = Files.createSymbolicLink(dir.resolve("meta.json"), zero);

    assertThatThrownBy(() -> BoundedFile.read(link))
        .isInstanceOf(BoundedFile.Refused.class)
        .hasMessageContaining("meta.json: not a regular file (it is a FIFO, socket or device)");
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void aFifoIsRefusedWithoutBlocking() throws Exception {
    Path fifo = Fifos.create(dir.resolve("meta.json"));

    assertThatThrownBy(() -> BoundedFile.read(fifo))
        .isInstanceOf(BoundedFile.Refused.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  void aDirectoryIsRefused() {
    assertThatThrownBy(() -> BoundedFile.read(dir))
        .isInstanceOf(BoundedFile.Refused.class)
        .hasMessageContaining("(it is a directory)");
  }

  @Test
  void aMissingFileIsNoSuchFile() {
    assertThatThrownBy(() -> BoundedFile.read(dir.resolve("none")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aNegativeLimitIsABug() {
    assertThatThrownBy(() -> BoundedFile.read(dir, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
