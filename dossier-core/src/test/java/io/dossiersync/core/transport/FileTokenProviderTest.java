package io.dossiersync.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file token provider: the refresh grace on a pinned clock, and the file's safety rules. */
class FileTokenProviderTest {

  @TempDir Path dir;

  private final AtomicLong nanos = new AtomicLong();
  private final List<Duration> pauses = new ArrayList<>();

  private Path tokenFile(String content) throws IOException {
    Path file = dir.resolve("token");
    Files.writeString(file, content);
    return file;
  }

  /** A provider whose pauses move the pinned clock and may run an action (the rotation). */
  private FileTokenProvider provider(Path file, Runnable onPause) {
    return new FileTokenProvider(
        file,
        Duration.ofMillis(250),
        Duration.ofSeconds(10),
        nanos::get,
        d -> {
          pauses.add(d);
          nanos.addAndGet(d.toNanos());
          onPause.run();
        });
  }

  @Test
  void readsTheTrimmedContent() throws IOException {
    FileTokenProvider tokens = provider(tokenFile("  tok-1 \n"), () -> {});

    assertThat(tokens.currentToken()).contains(new AccessToken("tok-1"));
  }

  @Test
  void anEmptyFileIsNoToken() throws IOException {
    assertThat(provider(tokenFile(" \n"), () -> {}).currentToken()).isEmpty();
  }

  @Test
  void aFileThatLagsTheServerBySecondsIsWaitedFor() throws IOException {
    Path file = tokenFile("tok-old");
    FileTokenProvider tokens =
        provider(
            file,
            () -> {
              if (nanos.get() >= TimeUnit.MILLISECONDS.toNanos(1_500)) {
                write(file, "tok-new");
              }
            });

    Optional<AccessToken> fresh = tokens.refresh(Optional.of(new AccessToken("tok-old")));

    assertThat(fresh).contains(new AccessToken("tok-new"));
    assertThat(tokens.currentToken()).contains(new AccessToken("tok-new"));
    assertThat(pauses).hasSize(6).containsOnly(Duration.ofMillis(250));
  }

  @Test
  void givesUpAfterTheGraceWhenTheTokenNeverChanges() throws IOException {
    FileTokenProvider tokens = provider(tokenFile("tok-old"), () -> {});

    assertThat(tokens.refresh(Optional.of(new AccessToken("tok-old")))).isEmpty();
    assertThat(pauses).hasSize(40);
    assertThat(pauses.stream().reduce(Duration.ZERO, Duration::plus))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(tokens.currentToken()).contains(new AccessToken("tok-old"));
  }

  @Test
  void aFileMissingMidRotationIsReadAgain() throws IOException {
    Path file = tokenFile("tok-old");
    FileTokenProvider tokens =
        provider(
            file,
            () -> {
              if (pauses.size() == 1) {
                delete(file);
              } else if (pauses.size() == 3) {
                write(file, "tok-new");
              }
            });

    assertThat(tokens.refresh(Optional.of(new AccessToken("tok-old"))))
        .contains(new AccessToken("tok-new"));
  }

  @Test
  void aTokenAlreadyReplacedByAnotherRefreshIsReturnedAtOnce() throws IOException {
    Path file = tokenFile("tok-old");
    FileTokenProvider tokens = provider(file, () -> {});
    write(file, "tok-new");
    tokens.refresh(Optional.of(new AccessToken("tok-old")));

    assertThat(tokens.refresh(Optional.of(new AccessToken("tok-old"))))
        .contains(new AccessToken("tok-new"));
    assertThat(pauses).isEmpty();
  }

  @Test
  void anInterruptedRefreshAnswersEmptyAndKeepsTheFlag() throws IOException {
    FileTokenProvider tokens =
        new FileTokenProvider(
            tokenFile("tok"),
            Duration.ofMillis(250),
            Duration.ofSeconds(10),
            nanos::get,
            d -> {
              throw new InterruptedException();
            });

    assertThat(tokens.refresh(Optional.of(new AccessToken("tok")))).isEmpty();
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void aFifoFailsFastWithTheFileName() throws Exception {
    Path fifo = dir.resolve("token.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0)
        .as("mkfifo available")
        .isTrue();

    assertThatThrownBy(() -> TokenProvider.fromFile(fifo))
        .isInstanceOf(TokenFileException.class)
        .hasMessage(
            "cannot read the token file "
                + fifo
                + ": not a regular file (it is a FIFO,"
                + " socket or device); give a regular file of at most 1 MiB");
  }

  @Test
  void devZeroFailsFast() {
    Path zero = Path.of("/dev/zero");
    assumeThat(Files.exists(zero)).isTrue();

    assertThatThrownBy(() -> TokenProvider.fromFile(zero))
        .isInstanceOf(TokenFileException.class)
        .hasMessageContaining("/dev/zero: not a regular file");
  }

  @Test
  void aFileOverOneMebibyteIsRefused() throws IOException {
    Path big = tokenFile("x".repeat(TokenFile.MAX_BYTES + 1));

    assertThatThrownBy(() -> TokenProvider.fromFile(big))
        .isInstanceOf(TokenFileException.class)
        .hasMessageContaining("larger than 1 MiB");
  }

  @Test
  void aMissingFileNamesTheFile() {
    Path missing = dir.resolve("nope");

    assertThatThrownBy(() -> TokenProvider.fromFile(missing))
        .isInstanceOf(TokenFileException.class)
        .hasMessage("cannot read the token file " + missing + ": no such file");
  }

  @Test
  void aTokenWithSpacesIsRefusedWithoutShowingIt() throws IOException {
    Path file = tokenFile("secret with spaces");

    assertThatThrownBy(() -> TokenProvider.fromFile(file))
        .isInstanceOf(TokenFileException.class)
        .hasMessageContaining(file.toString())
        .hasMessageNotContaining("secret");
  }

  @Test
  void binaryContentIsRefused() throws IOException {
    Path file = dir.resolve("bin");
    Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});

    assertThatThrownBy(() -> TokenProvider.fromFile(file))
        .isInstanceOf(TokenFileException.class)
        .hasMessageContaining("is not UTF-8 text");
  }

  @Test
  void groupOrOtherReadabilityIsDetected() throws IOException {
    Path file = tokenFile("tok");
    assumeThat(file.getFileSystem().supportedFileAttributeViews()).contains("posix");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(TokenFile.readableByOthers(file)).isFalse();

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    assertThat(TokenFile.readableByOthers(file)).isTrue();
    assertThat(TokenProvider.fromFile(file).currentToken()).contains(new AccessToken("tok"));
    assertThat(TokenProvider.fromFile(file).toString()).doesNotContain("tok]").contains("fromFile");
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
