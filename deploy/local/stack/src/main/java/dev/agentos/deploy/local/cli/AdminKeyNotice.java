package dev.agentos.deploy.local.cli;

import dev.agentos.deploy.local.service.CommandSideService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Shows the bootstrap admin key after {@code up}, once: the command side writes it when it creates
 * it, and a marker beside it records that it was shown. Later runs only say where it is.
 */
final class AdminKeyNotice {

  private AdminKeyNotice() {}

  static void printIfNew(Path stackHome) throws IOException {
    Path keyFile = CommandSideService.adminKeyFile(stackHome);
    if (!Files.isRegularFile(keyFile)) {
      return;
    }
    Path shown = keyFile.resolveSibling(keyFile.getFileName() + ".shown");
    if (Files.exists(shown)
        && !Files.getLastModifiedTime(keyFile)
            .toInstant()
            .isAfter(Files.getLastModifiedTime(shown).toInstant())) {
      System.out.println("  admin key: in " + keyFile + " (shown when it was created)");
      return;
    }
    System.out.println();
    System.out.println("Admin key of the first tenant (shown this once; also in " + keyFile + "):");
    System.out.println("  " + Files.readString(keyFile).strip());
    System.out.println("Use it as: curl -H \"Authorization: Bearer $(cat " + keyFile + ")\" ...");
    Files.writeString(shown, "");
  }
}
