package cnnlab.gallery;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The gallery's pictures: one PNG file per entry, named by the entry's random id, in one folder. A picture is written
 * so that the folder never holds half of it under its final name, even if the process is killed or the machine loses
 * power: bytes to a temporary file in the same folder, fsync, atomic rename, fsync of the folder (which makes the
 * rename itself durable). Anything else found here (temporaries, pictures without an entry) is what a killed save
 * left behind, and {@link GalleryService} sweeps it.
 */
final class PictureFiles {
    static final String SUFFIX = ".png", TEMPORARY = ".tmp";
    /** 128 random bits as hex: the only names ever turned into paths, so no request can reach outside the folder. */
    static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** The last chunk of every PNG (length 0, type, CRC): a picture cut short lacks it. */
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    private final Path folder;

    PictureFiles(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    Path folder() {
        return folder;
    }

    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    Path path(String id) {
        if (!isId(id)) throw new IllegalArgumentException("not a picture id: " + id);
        return folder.resolve(id + SUFFIX);
    }

    /** Writes {@code png} durably under {@code id}: when this returns, the whole file is on disk under its final name. */
    void write(String id, byte[] png) throws IOException {
        Path target = path(id), temporary = folder.resolve(id + TEMPORARY);
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(png);
            while (buffer.hasRemaining()) out.write(buffer);
            out.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        syncFolder();
    }

    byte[] read(String id) throws IOException {
        return Files.readAllBytes(path(id));
    }

    boolean exists(String id) {
        return Files.isRegularFile(path(id));
    }

    void delete(String id) throws IOException {
        Files.deleteIfExists(path(id));
    }

    /** Temporary files and pictures, by name; other files (an admin's notes, say) are not ours and are left alone. */
    record Listing(List<Path> temporaries, List<String> ids) { }

    Listing list() throws IOException {
        List<Path> temporaries = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(TEMPORARY) && isId(name.substring(0, name.length() - TEMPORARY.length()))) temporaries.add(p);
                else if (name.endsWith(SUFFIX) && isId(name.substring(0, name.length() - SUFFIX.length())))
                    ids.add(name.substring(0, name.length() - SUFFIX.length()));
            }
        }
        return new Listing(temporaries, ids);
    }

    void deleteTemporary(Path p) throws IOException {
        try {
            Files.delete(p);
        } catch (NoSuchFileException gone) {
            // fine: someone else swept it
        }
    }

    /** Makes creations, renames and deletions in the folder durable (Linux: fsync on the directory). */
    void syncFolder() throws IOException {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself
            if (File.separatorChar != '\\') throw e;
        }
    }

    /**
     * Width and height of a PNG, read from its header without decoding the pixels; refuses anything that does not
     * start and end as a PNG does.
     */
    static int[] dimensions(byte[] png) {
        if (png.length < 45 || !Arrays.equals(png, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length))
            throw new IllegalArgumentException("The picture is not a PNG image");
        if (!Arrays.equals(png, png.length - PNG_END.length, png.length, PNG_END, 0, PNG_END.length))
            throw new IllegalArgumentException("The picture is not a complete PNG image");
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[]{reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The picture is not a readable PNG image");
        }
    }
}
