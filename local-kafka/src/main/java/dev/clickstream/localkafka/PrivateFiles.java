package dev.clickstream.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files only their owner may read: passwords and private keys. Where the file system has no POSIX modes, as is. */
final class PrivateFiles {

	private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

	private PrivateFiles() {
	}

	static void createDirectory(Path dir) {
		try {
			Files.createDirectories(dir);
			setMode(dir, OWNER_DIR);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create " + dir, ex);
		}
	}

	/** Replaces the file; it is never readable by others, not even while it is written. */
	static void write(Path file, String content) {
		try {
			Files.deleteIfExists(file);
			if (posix(file.getParent())) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
			}
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	/** For a file another program wrote. */
	static void restrict(Path file) {
		try {
			setMode(file, OWNER_FILE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot restrict " + file + " to its owner", ex);
		}
	}

	private static void setMode(Path path, Set<PosixFilePermission> mode) throws IOException {
		if (posix(path)) {
			Files.setPosixFilePermissions(path, mode);
		}
	}

	private static boolean posix(Path path) {
		return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
	}

}
